package org.olelo.apps.media.ng;

/** Bytes that are not a well-formed bencoded value, or a value that cannot be bencoded. */
public final class BencodeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, and where (a byte offset) */
    public BencodeException(String message) {
        super(message);
    }
}
