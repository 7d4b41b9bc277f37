package org.olelo.container.internal.security;

/**
 * An {@code Authorization} or {@code Proxy-Authorization} header that cannot be read; answered
 * with 400 and a reason phrase naming the parameter.
 */
public final class MalformedCredentialsException extends Exception {

    /** Longest parameter name echoed in the reason phrase; the rest of a longer one is cut. */
    static final int MAX_ECHO = 32;

    private final String parameter;

    /**
     * @param parameter the parameter at fault, e.g. {@code nonce}, as received: it is echoed in the
     *                  reason phrase cut to {@value #MAX_ECHO} characters, with anything but
     *                  printable ASCII replaced by {@code ?}
     * @param problem   what is wrong with it
     */
    public MalformedCredentialsException(String parameter, String problem) {
        super("digest parameter " + echo(parameter) + ": " + problem);
        this.parameter = parameter;
    }

    private static String echo(String received) {
        StringBuilder b = new StringBuilder(Math.min(received.length(), MAX_ECHO) + 3);
        for (int i = 0; i < received.length() && i < MAX_ECHO; i++) {
            char c = received.charAt(i);
            b.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
        return received.length() > MAX_ECHO ? b.append("...").toString() : b.toString();
    }

    /** @return the parameter at fault */
    public String parameter() {
        return parameter;
    }
}
