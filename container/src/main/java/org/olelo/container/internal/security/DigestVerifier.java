package org.olelo.container.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.olelo.container.internal.db.Subscriber;
import org.olelo.container.internal.db.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the digest credentials of a request (RFC 3261 §22, RFC 7616, RFC 8760) against the
 * {@code subscriber} table, in this order:
 * <ol>
 * <li>a blocked source address, or (once the credentials name the user) that user blocked at that
 *     address: 403 {@value #TOO_MANY} ({@link FailureGuard});</li>
 * <li>no credentials for the realm: challenge;</li>
 * <li>malformed credentials, {@code qop} other than {@code auth}, a {@code uri} other than the
 *     Request-URI: 400 naming the parameter;</li>
 * <li>an algorithm not offered ({@code auth.algorithms}; SHA-256 and MD5 exist): challenge;</li>
 * <li>the nonce, before any password: one this server start (or, with a shared nonce key, any node
 *     of the cluster) did not issue to the request's source address (forged, damaged, from before a
 *     restart, issued to another client), or a wrong
 *     {@code opaque}, gets a fresh challenge without {@code stale}; the password is not checked
 *     and nothing counts as a failure, so the answer does not depend on the password and every
 *     guess costs a challenge round trip from a real address;</li>
 * <li>the response digest, computed from the stored HA1 of the algorithm (from a fixed dummy HA1
 *     for an unknown user, so both cost the same and are answered alike): a mismatch counts as a
 *     failure and is challenged, later when the user keeps failing;</li>
 * <li>a nonce of ours that expired, with the right password: challenge with {@code stale=true};</li>
 * <li>the nonce count must exceed the last one this node saw for that nonce, else (a replay)
 *     challenge.</li>
 * </ol>
 *
 * <p>Thread-safe. Blocks on the subscriber look-up (JDBC): call it from a virtual thread.
 */
final class DigestVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(DigestVerifier.class);
    /** Reason phrase of the 403 to a blocked address or user at an address. */
    static final String TOO_MANY = "Forbidden - too many failed attempts";
    private static final Decision.Refuse BLOCKED = new Decision.Refuse(403, TOO_MANY);

    private final SubscriberStore store;
    private final List<DigestAlgorithm> accepted;
    private final NonceService nonces;
    private final NonceCounts counts;
    private final FailureGuard failures;

    DigestVerifier(SubscriberStore store, List<DigestAlgorithm> accepted, NonceService nonces, NonceCounts counts,
                   FailureGuard failures) {
        this.store = store;
        this.accepted = List.copyOf(accepted);
        this.nonces = nonces;
        this.counts = counts;
        this.failures = failures;
    }

    /** What the verifier needs to know of a request. */
    record Attempt(String method, String sourceAddress, String realm, List<String> authorizations,
                   BiPredicate<String, String> uriMatches, String requestUri) {
    }

    /**
     * @param a the request's method, source, realm and authorization header values
     * @return pass, challenge or refuse
     */
    Decision verify(Attempt a) {
        if (failures.sourceBlocked(a.sourceAddress())) {
            return BLOCKED;
        }
        DigestCredentials c;
        try {
            c = forRealm(a.authorizations(), a.realm());
        } catch (MalformedCredentialsException e) {
            return new Decision.Refuse(400, "Bad Request - " + e.getMessage());
        }
        if (c == null) {
            return new Decision.Challenge(false);
        }
        if (failures.pairBlocked(c.username(), a.realm(), a.sourceAddress())) {
            return BLOCKED;
        }
        if (c.qop() == null || !c.qop().equalsIgnoreCase("auth")) {
            return new Decision.Refuse(400, "Bad Request - digest parameter qop: expected auth");
        }
        long nc = nonceCount(c.nc());
        if (nc < 0 || c.cnonce() == null || c.cnonce().isEmpty()) {
            return new Decision.Refuse(400, "Bad Request - digest parameter " + (nc < 0 ? "nc" : "cnonce")
                    + ": expected " + (nc < 0 ? "8 hex digits" : "a client nonce"));
        }
        if (!a.uriMatches().test(c.uri(), a.requestUri())) {
            return new Decision.Refuse(400, "Bad Request - digest parameter uri: does not match the Request-URI");
        }
        Optional<DigestAlgorithm> alg = DigestAlgorithm.of(c.algorithm());
        if (alg.isEmpty() || !accepted.contains(alg.get())) {
            return new Decision.Challenge(false);
        }
        NonceService.Verdict nonce = nonces.check(c.nonce(), a.sourceAddress());
        if (nonce == NonceService.Verdict.UNKNOWN || c.opaque() != null && !c.opaque().equals(nonces.opaque())) {
            LOG.debug("authentication: a nonce not issued to {} (forged, damaged, from before a restart or for"
                    + " another address): challenged again", a.sourceAddress());
            return new Decision.Challenge(false);
        }
        Optional<Subscriber> s;
        try {
            s = store.find(c.username(), a.realm());
        } catch (SQLException e) {
            LOG.warn("authentication: subscriber look-up failed: {}", e.toString());
            return new Decision.Refuse(500, "Server Internal Error");
        }
        DigestAlgorithm algorithm = alg.get();
        String ha1 = s.map(x -> algorithm == DigestAlgorithm.MD5 ? x.ha1Md5() : x.ha1Sha256())
                .orElseGet(() -> algorithm.hex("olelo:no-such-user"));
        String expected = algorithm.response(ha1, a.method(), c.uri(), c.nonce(), c.nc(), c.cnonce());
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!match || s.isEmpty()) {
            return new Decision.Challenge(false, failures.failed(c.username(), a.realm(), a.sourceAddress()));
        }
        if (nonce == NonceService.Verdict.EXPIRED) {
            return new Decision.Challenge(true);
        }
        if (!counts.advance(c.nonce(), nc)) {
            LOG.debug("authentication: nonce count {} replayed for {}@{}", c.nc(), c.username(), a.realm());
            return new Decision.Challenge(false);
        }
        failures.succeeded(c.username(), a.realm(), a.sourceAddress());
        return new Decision.Pass(c.username(), s.get().roles());
    }

    /** The first Digest credentials for the realm; credentials for other realms are skipped. */
    private static DigestCredentials forRealm(List<String> values, String realm) throws MalformedCredentialsException {
        for (String v : values) {
            DigestCredentials c = DigestCredentials.parse(v);
            if (c != null && c.realm().equalsIgnoreCase(realm)) {
                return c;
            }
        }
        return null;
    }

    /** @return the nonce count, or -1 when it is not 8 hex digits */
    private static long nonceCount(String nc) {
        if (nc == null || nc.length() != 8) {
            return -1;
        }
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
