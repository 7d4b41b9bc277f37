package org.olelo.container.internal.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Nonces that need no server-side table: each one is {@code base64url(time ‖ random ‖ mac)}, where
 * {@code time} is the issue time in milliseconds, {@code random} 8 bytes, and {@code mac} the first
 * 16 bytes of HMAC-SHA256, under a secret drawn at start, over both and over what the nonce is
 * bound to: the source address of the challenged request. A nonce checks only when it comes back
 * from the address it was issued to, so a guess needs a challenge round trip from a real address
 * (a spoofed UDP source never sees its challenge), and a nonce issued to one client is worth
 * nothing to another. The source port is not bound: it changes when a NAT rebinds or a TCP client
 * reconnects, and phones reuse a nonce across those.
 *
 * <p>A nonce is valid when its MAC checks and it is younger than the configured lifetime. With a
 * secret drawn at start, every old nonce is unknown after a restart and is answered with a fresh
 * challenge. The nodes of a cluster are given one secret instead ({@link SharedNonceKey}): a nonce
 * one node issued then checks on every node, and on a node restarted within its lifetime; a nonce
 * issued by a node whose clock runs up to {@value #SHARED_SKEW_MILLIS} ms ahead still counts as
 * fresh, not as expired.
 *
 * <p>The {@code opaque} value is derived from the same secret, so it changes with each start unless
 * the secret is shared, and is then the same on every node.
 *
 * <p>Thread-safe: {@link Mac} instances are per call.
 */
final class NonceService {

    /** What a nonce turned out to be; "this server" is every node holding the shared key. */
    enum Verdict {
        /** Issued by this server and not expired. */
        VALID,
        /** Issued by this server, but older than the lifetime. */
        EXPIRED,
        /** Not issued by this server (forged, damaged, from before a restart, or by another cluster). */
        UNKNOWN
    }

    /** How far ahead of this node's clock another node's nonce may be dated and still be fresh. */
    static final long SHARED_SKEW_MILLIS = 5_000;

    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final SecureRandom random;
    private final LongSupplier clock;
    private final long lifetimeMillis;
    private final long skewMillis;
    private final String opaque;

    /**
     * Nonces of this start alone: the secret is drawn from {@code random}.
     *
     * @param random         source of the secret and of each nonce's random part
     * @param clock          milliseconds, e.g. {@code System::currentTimeMillis}
     * @param lifetimeMillis how long a nonce stays valid
     */
    NonceService(SecureRandom random, LongSupplier clock, long lifetimeMillis) {
        this(null, random, clock, lifetimeMillis);
    }

    /**
     * @param shared         the key every node of the cluster holds, or null for a secret of this
     *                       start alone
     * @param random         source of each nonce's random part (and of the secret when not shared)
     * @param clock          milliseconds, e.g. {@code System::currentTimeMillis}
     * @param lifetimeMillis how long a nonce stays valid
     */
    NonceService(SharedNonceKey shared, SecureRandom random, LongSupplier clock, long lifetimeMillis) {
        this.random = random;
        this.clock = clock;
        this.lifetimeMillis = lifetimeMillis;
        if (shared == null) {
            this.secret = new byte[32];
            random.nextBytes(secret);
            this.skewMillis = 0;
        } else {
            this.secret = shared.bytes();
            this.skewMillis = SHARED_SKEW_MILLIS;
        }
        this.opaque = B64.encodeToString(java.util.Arrays.copyOf(mac("opaque".getBytes(StandardCharsets.US_ASCII), ""), 12));
    }

    /**
     * @param boundTo the source address of the request that is challenged
     * @return a fresh nonce, valid only when it comes back from {@code boundTo}
     */
    String issue(String boundTo) {
        ByteBuffer b = ByteBuffer.allocate(8 + RANDOM_BYTES + MAC_BYTES);
        b.putLong(clock.getAsLong());
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        b.put(r);
        byte[] m = mac(java.util.Arrays.copyOf(b.array(), 8 + RANDOM_BYTES), boundTo);
        b.put(m, 0, MAC_BYTES);
        return B64.encodeToString(b.array());
    }

    /**
     * @param nonce   a nonce a client sent back
     * @param boundTo the source address of the request that carries it
     * @return whether this server issued it to that address, and whether it is still fresh
     */
    Verdict check(String nonce, String boundTo) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Verdict.UNKNOWN;
        }
        if (raw.length != 8 + RANDOM_BYTES + MAC_BYTES) {
            return Verdict.UNKNOWN;
        }
        byte[] expected = java.util.Arrays.copyOf(mac(java.util.Arrays.copyOf(raw, 8 + RANDOM_BYTES), boundTo), MAC_BYTES);
        byte[] given = java.util.Arrays.copyOfRange(raw, 8 + RANDOM_BYTES, raw.length);
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.UNKNOWN;
        }
        long age = clock.getAsLong() - ByteBuffer.wrap(raw).getLong();
        return age >= -skewMillis && age < lifetimeMillis ? Verdict.VALID : Verdict.EXPIRED;
    }

    /** @return the opaque value of this server */
    String opaque() {
        return opaque;
    }

    /** HMAC-SHA256 of {@code data ‖ 0 ‖ binding}; the zero byte keeps the two parts apart. */
    private byte[] mac(byte[] data, String binding) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(secret, "HmacSHA256"));
            m.update(data);
            m.update((byte) 0);
            return m.doFinal(binding.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
