package org.olelo.api.rpc;

/**
 * A management command failed in a way its caller should read. The message becomes the
 * JSON-RPC error's message as it is: write it for a person ("no contact for sip:bob@example.com",
 * "parameter 'id' must be a number"), and never put secrets or internals in it.
 */
public class RpcException extends Exception {

    private static final long serialVersionUID = 1L;

    /** JSON-RPC 2.0: a parameter is missing or has the wrong form. */
    public static final int INVALID_PARAMS = -32602;
    /** The command names something that does not exist (an AOR, a dialog, an application). */
    public static final int NOT_FOUND = 404;
    /** The command could not be done now (a conflict, a state that forbids it). */
    public static final int REFUSED = 409;
    /** The command failed on the server's side (a database error); the message says what failed. */
    public static final int FAILED = 500;

    private final int code;

    /**
     * @param code    the JSON-RPC error code, one of the constants of this class or another
     *                documented by the command
     * @param message what went wrong, for a person
     */
    public RpcException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The JSON-RPC error code. */
    public int code() {
        return code;
    }
}
