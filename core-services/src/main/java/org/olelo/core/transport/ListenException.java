package org.olelo.core.transport;

import java.io.IOException;
import java.net.BindException;
import java.util.Locale;

/**
 * A listening point that could not be opened, with a message an operator can act on and that names
 * it: {@code udp:127.0.0.1:5060: address already in use}. The cause keeps the system's exception.
 * Immutable; thrown on the thread that starts the core.
 */
public final class ListenException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient ListenAddress address;

    private ListenException(ListenAddress address, String message, IOException cause) {
        super(message, cause);
        this.address = address;
    }

    /**
     * @param address the listening point
     * @param cause   what opening it threw
     * @return an exception whose message is {@code <listening point>: <reason>}, with a hint for
     *         the usual reasons (port taken, address not of this machine, privileged port)
     */
    public static ListenException of(ListenAddress address, IOException cause) {
        String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
        String reason = m.isEmpty() ? "cannot bind" : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
        String hint = "";
        if (cause instanceof BindException) {
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("in use")) {
                hint = " (another process listens there: stop it or choose another port with --listen)";
            } else if (lower.contains("assign requested address")) {
                hint = " (no network interface of this machine has that address)";
            } else if (lower.contains("permission denied")) {
                hint = " (ports below 1024 need privileges)";
            }
        }
        return new ListenException(address, address + ": " + reason + hint, cause);
    }

    /** @return the listening point that could not be opened */
    public ListenAddress address() {
        return address;
    }
}
