package org.olelo.container.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret of the digest nonces when several nodes must accept each other's nonces: derived from
 * the key the nodes already share ({@code cluster.route.key}), so that a phone challenged by one
 * node is authenticated by any other without a second challenge, also after the first one died.
 *
 * <p>The route key itself signs Record-Route entries; it is not used as a nonce secret. This one is
 * HMAC-SHA256 under the route key of the label {@value #LABEL}, a text no route token is computed
 * over (those begin with their kind, {@code rr} or {@code path}, and a zero byte), so knowing one
 * key's outputs tells nothing of the other's.
 *
 * <p>Immutable; any thread. Made once at start.
 */
public final class SharedNonceKey {

    /** The label the nonce secret is derived with. */
    static final String LABEL = "olelo digest nonce key v1";

    private final byte[] key;

    private SharedNonceKey(byte[] key) {
        this.key = key;
    }

    /**
     * @param routeKey the 32-byte key every node is configured with
     * @return the nonce secret derived from it
     */
    public static SharedNonceKey fromRouteKey(byte[] routeKey) {
        if (routeKey.length != 32) {
            throw new IllegalArgumentException("a route key has 32 bytes, not " + routeKey.length);
        }
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(routeKey, "HmacSHA256"));
            return new SharedNonceKey(m.doFinal(LABEL.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** @return a copy of the 32 bytes of the secret */
    byte[] bytes() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "SharedNonceKey[hidden]";
    }
}
