package org.olelo.core.stats;

import java.util.Locale;

/**
 * The request methods the core counts one by one; any other method is counted as {@link #OTHER}, so
 * that the counters stay a fixed set whatever methods senders make up. Stateless.
 */
public enum SipMethod {
    INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK, SUBSCRIBE, NOTIFY, PUBLISH, INFO, REFER, MESSAGE, UPDATE,
    /** A method not listed above (an extension, or a made-up token). */
    OTHER;

    private static final SipMethod[] ALL = values();

    /** Every method, {@link #OTHER} last. */
    public static SipMethod[] all() {
        return ALL.clone();
    }

    /**
     * The method's constant; constant cost (a switch on the string, whose hash is cached), no
     * allocation. Methods are case-sensitive (RFC 3261 §7.1): {@code invite} is {@link #OTHER}.
     */
    public static SipMethod of(String method) {
        if (method == null) {
            return OTHER;
        }
        return switch (method) {
            case "INVITE" -> INVITE;
            case "ACK" -> ACK;
            case "BYE" -> BYE;
            case "CANCEL" -> CANCEL;
            case "OPTIONS" -> OPTIONS;
            case "REGISTER" -> REGISTER;
            case "PRACK" -> PRACK;
            case "SUBSCRIBE" -> SUBSCRIBE;
            case "NOTIFY" -> NOTIFY;
            case "PUBLISH" -> PUBLISH;
            case "INFO" -> INFO;
            case "REFER" -> REFER;
            case "MESSAGE" -> MESSAGE;
            case "UPDATE" -> UPDATE;
            default -> OTHER;
        };
    }

    /** The lower-case name used in counter names ({@code rcv_requests_invite}). */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
