package org.olelo.core.message;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JAIN-SIP factories, created once and shared (they are stateless), and small helpers for tags
 * and branches used across the core and the container.
 */
public final class SipMessages {

    /** Header factory; thread-safe. */
    public static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();
    /** Address and URI factory; thread-safe. */
    public static final AddressFactoryImpl ADDRESSES = new AddressFactoryImpl();
    /** Message factory; thread-safe. */
    public static final MessageFactoryImpl MESSAGES = new MessageFactoryImpl();

    /** The RFC 3261 branch prefix that marks an RFC 3261 transaction id. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    static {
        HEADERS.setPrettyEncoding(false);
    }

    private SipMessages() {
    }

    /** A random token of {@code n} alphanumeric characters (tags, Call-ID parts). */
    public static String token(int n) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    /** A fresh To/From tag. */
    public static String newTag() {
        return token(10);
    }

    /** A fresh RFC 3261 branch. */
    public static String newBranch() {
        return MAGIC_COOKIE + token(16);
    }

    /** True when raw message bytes are a request: a response starts with "SIP/" (four bytes looked at). */
    public static boolean isRequest(byte[] m) {
        return !(m.length >= 4 && m[0] == 'S' && m[1] == 'I' && m[2] == 'P' && m[3] == '/');
    }
}
