package org.olelo.container.internal.security;

/**
 * An {@code Authorization} or {@code Proxy-Authorization} header that cannot be read; answered
 * with 400 and a reason phrase naming the parameter.
 */
public final class MalformedCredentialsException extends Exception {

    private final String parameter;

    /**
     * @param parameter the parameter at fault, e.g. {@code nonce}
     * @param problem   what is wrong with it
     */
    public MalformedCredentialsException(String parameter, String problem) {
        super("digest parameter " + parameter + ": " + problem);
        this.parameter = parameter;
    }

    /** @return the parameter at fault */
    public String parameter() {
        return parameter;
    }
}
