package org.olelo.apps.presence.pidf;

/** A body that is not a PIDF document (RFC 3863): not XML, a DTD, or the wrong root or tuple. */
public final class InvalidPidfException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, safe to show the sender (no parser internals) */
    public InvalidPidfException(String message) {
        super(message);
    }
}
