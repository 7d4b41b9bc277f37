package org.olelo.apps.media.ng;

/**
 * A control command that failed: the instance did not answer in time ({@link #noAnswer()}), its
 * answer was unusable, or it answered with {@code result=error}.
 */
public final class NgException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean noAnswer;

    /**
     * @param message  what failed, for an operator (no SDP, no secrets)
     * @param noAnswer true when the instance did not answer at all
     */
    public NgException(String message, boolean noAnswer) {
        super(message);
        this.noAnswer = noAnswer;
    }

    /** True when the instance did not answer within the retransmissions. */
    public boolean noAnswer() {
        return noAnswer;
    }
}
