package org.olelo.container.boot;

import java.io.IOException;
import java.util.Base64;
import org.olelo.core.routing.RouteTokens;

/**
 * Chooses the key that signs this server's Record-Route entries: {@code cluster.route.key} when
 * set, the same on every node, so that an entry one node wrote verifies on all of them and any node
 * relays a dialog whose node died; else the key of this server alone, kept in its data folder.
 * The shared key is also where the digest nonce secret of the nodes is derived from
 * ({@code SharedNonceKey}). Runs once at start.
 */
final class RouteKey {

    /** The configuration key. */
    static final String KEY = "cluster.route.key";

    private RouteKey() {
    }

    /**
     * The route tokens of this server.
     *
     * @throws IOException naming {@value #KEY} when its value is not 32 bytes in base64, or when the
     *                     data folder's key cannot be read or made
     */
    static RouteTokens tokens(ServerConfig config) throws IOException {
        byte[] key = shared(config);
        return key == null ? RouteTokens.load(config.dataDir()) : RouteTokens.withKey(key);
    }

    /**
     * The key the nodes share, which the digest nonces are derived from too.
     *
     * @return the 32 bytes of {@value #KEY}, or null when it is not set
     * @throws IOException naming {@value #KEY} when its value is not 32 bytes in base64
     */
    static byte[] shared(ServerConfig config) throws IOException {
        String value = config.core().extensions().getOrDefault(KEY, "").strip();
        if (value.isEmpty()) {
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IOException(KEY + " is not base64 (make one with: openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IOException(KEY + " holds " + key.length + " bytes instead of 32 (make one with: openssl rand -base64 32)");
        }
        return key;
    }
}
