package org.olelo.container.internal.security;

import jakarta.servlet.Servlet;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Locale;
import org.olelo.container.internal.address.Uris;
import org.olelo.container.internal.db.SubscriberStore;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.deploy.LoginConfigDef;
import org.olelo.container.internal.message.SipServletRequestImpl;
import org.olelo.container.internal.pojo.PojoServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container-managed digest authentication of initial requests, the Olelo counterpart of
 * Kamailio's {@code auth} and {@code auth_db} modules, driven by the application's security
 * constraints instead of a routing script.
 *
 * <pre>
 *  SipContainer.runInitial ─► admit(app, servlet, request)        (application session executor)
 *      ConstraintResolver ─► none ──────────────────────────────► servlet
 *                         ─► deny ──► 403
 *                         ─► authenticate ─► DigestVerifier ─► pass ─► principal + roles ─► servlet
 *                                                            ├► challenge ─► 401 / 407 (SHA-256, MD5)
 *                                                            └► refuse ────► 400 / 403 / 500
 * </pre>
 *
 * <p>The realm is the login-config's {@code realm-name}, else the domain of the To URI for
 * REGISTER and of the From URI otherwise; users are looked up by user name and realm in the
 * {@code subscriber} table, whose HA1 values are computed with realm = domain. REGISTER is
 * always challenged with 401 ({@code WWW-Authenticate}), as a registrar does; other requests with
 * 407 ({@code Proxy-Authenticate}) when the constraint asks for proxy authentication. A challenge
 * carries one header per configured algorithm ({@code auth.algorithms}, MD5 alone by default), all
 * with the same nonce.
 *
 * <p>Failed attempts are counted and acted on by {@link FailureGuard}: a user blocked at one
 * address, an address blocked across users, and slower answers to the failing attempts of a user
 * who keeps failing from anywhere ({@link Throttle}).
 *
 * <p>Thread-safe; {@link #admit} runs on the application session's virtual thread and blocks on the
 * subscriber look-up, and on the delay of a failing attempt (at most
 * {@value FailureGuard#MAX_DELAY_MILLIS} ms, sleeping, with no platform thread held).
 */
public final class DigestAuthenticator implements InitialRequestGuard {

    private static final Logger LOG = LoggerFactory.getLogger(DigestAuthenticator.class);
    /** How many nonces the replay check remembers. */
    static final int NONCE_COUNTS = 100_000;

    private final NonceService nonces;
    private final DigestVerifier verifier;
    private final Throttle throttle = new Throttle(Throttle.SLOTS);
    private final java.util.List<DigestAlgorithm> algorithms;

    /**
     * @param settings the {@code auth.*} configuration
     * @param store    the subscriber table
     */
    public DigestAuthenticator(AuthSettings settings, SubscriberStore store) {
        this(settings, store, null);
    }

    /**
     * @param settings   the {@code auth.*} configuration
     * @param store      the subscriber table
     * @param statistics where failures and blocks are counted (group {@code auth}), or null
     */
    public DigestAuthenticator(AuthSettings settings, SubscriberStore store, org.olelo.api.stats.Statistics statistics) {
        this(settings, store, statistics, null);
    }

    /**
     * @param settings   the {@code auth.*} configuration
     * @param store      the subscriber table
     * @param statistics where failures and blocks are counted (group {@code auth}), or null
     * @param shared     the nonce secret every node of the cluster holds, so that each accepts the
     *                   others' nonces; null for nonces of this start alone. Nonce counts stay per
     *                   node ({@link NonceCounts})
     */
    public DigestAuthenticator(AuthSettings settings, SubscriberStore store, org.olelo.api.stats.Statistics statistics,
                               SharedNonceKey shared) {
        this.algorithms = settings.algorithms();
        this.nonces = new NonceService(shared, new SecureRandom(), System::currentTimeMillis, settings.nonceSeconds() * 1000L);
        this.verifier = new DigestVerifier(store, algorithms, nonces, new NonceCounts(NONCE_COUNTS),
                new FailureGuard(settings.maxFailures(), settings.maxFailuresSource(), settings.blockSeconds() * 1000L,
                        System::currentTimeMillis, AuthCounters.in(statistics)));
    }

    @Override
    public boolean admit(DeployedApp app, String servletName, Servlet servlet, SipServletRequestImpl req) {
        try {
            return check(app, servletName, servlet, req);
        } catch (RuntimeException e) {
            LOG.warn("authentication of {} for {} failed: {}", req.getMethod(), app.name(), e.toString(), e);
            return answer(req, new Decision.Refuse(500, "Server Internal Error"), SecurityRequirement.NONE, null);
        }
    }

    private boolean check(DeployedApp app, String servletName, Servlet servlet, SipServletRequestImpl req) {
        String method = req.getMethod();
        SecurityRequirement r = ConstraintResolver.resolve(app.descriptor(), app.securityRoles(), servletName,
                PojoServlet.annotatedClass(servlet), method);
        Decision d = switch (r.kind()) {
            case NONE -> null;
            case DENY -> new Decision.Refuse(403, "Forbidden");
            case AUTHENTICATE -> verify(app, r, req);
        };
        if (d == null) {
            return true;
        }
        if (d instanceof Decision.Pass p) {
            if (!r.roles().isEmpty() && p.roles().stream().noneMatch(r.roles()::contains)) {
                return answer(req, new Decision.Refuse(403, "Forbidden"), r, null);
            }
            req.setUser(new SubscriberPrincipal(p.username(), realm(app, req)), p.roles());
            return true;
        }
        return answer(req, d, r, realm(app, req));
    }

    private Decision verify(DeployedApp app, SecurityRequirement r, SipServletRequestImpl req) {
        String header = proxyChallenge(r, req) ? "Proxy-Authorization" : "Authorization";
        String requestUri = req.jainRequest().getRequestURI().toString();
        return verifier.verify(new DigestVerifier.Attempt(req.getMethod(), source(req), realm(app, req),
                req.getHeaderList(header), DigestAuthenticator::sameUri, requestUri));
    }

    /**
     * Sends a challenge or a refusal, a challenge to a failing attempt after its delay (or, when too
     * many answers are held back already, a 403 at once); returns false (the servlet does not run).
     */
    private boolean answer(SipServletRequestImpl req, Decision d, SecurityRequirement r, String realm) {
        if (d instanceof Decision.Challenge c && !throttle.pause(c.delayMillis())) {
            d = new Decision.Refuse(403, DigestVerifier.TOO_MANY);
        }
        try {
            SipServletResponse resp;
            if (d instanceof Decision.Challenge c) {
                boolean proxy = proxyChallenge(r, req);
                resp = proxy ? req.createResponse(407, "Proxy Authentication Required")
                        : req.createResponse(401, "Unauthorized");
                String nonce = nonces.issue(source(req));
                for (DigestAlgorithm a : algorithms) {
                    resp.addHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate", challenge(realm, nonce, a, c.stale()));
                }
            } else {
                Decision.Refuse f = (Decision.Refuse) d;
                resp = req.createResponse(f.status(), f.reason());
            }
            resp.send();
        } catch (IOException | IllegalStateException e) {
            LOG.debug("authentication answer not sent: {}", e.toString());
        }
        return false;
    }

    /** One challenge header value, RFC 7616 §3.3 order of parameters. */
    String challenge(String realm, String nonce, DigestAlgorithm a, boolean stale) {
        return "Digest realm=\"" + quote(realm) + "\", nonce=\"" + nonce + "\", opaque=\"" + nonces.opaque()
                + "\", algorithm=" + a.token() + ", qop=\"auth\"" + (stale ? ", stale=true" : "");
    }

    /** The source address a nonce is bound to; empty for a request that did not come from the network. */
    private static String source(SipServletRequestImpl req) {
        String a = req.getRemoteAddr();
        return a == null ? "" : a;
    }

    private static boolean proxyChallenge(SecurityRequirement r, SipServletRequestImpl req) {
        return r.proxy() && !req.getMethod().equals("REGISTER");
    }

    /** The realm: the login-config's, else the domain of To (REGISTER) or From. */
    static String realm(DeployedApp app, SipServletRequestImpl req) {
        LoginConfigDef lc = app.descriptor().loginConfig();
        if (lc != null && lc.realmName() != null && !lc.realmName().isBlank()) {
            return lc.realmName().trim();
        }
        URI u = req.getMethod().equals("REGISTER") ? req.getTo().getURI() : req.getFrom().getURI();
        if (!(u instanceof SipURI) && req.getRequestURI() instanceof SipURI) {
            u = req.getRequestURI();
        }
        return u instanceof SipURI su ? su.getHost().toLowerCase(Locale.ROOT) : "";
    }

    /**
     * The digest {@code uri} must name the Request-URI: the same text, an equal SIP URI, or the same
     * scheme, user and host with the port only written out (5060/5061 when absent), which common
     * clients such as SIPp produce. The response hash covers the uri as sent, so this leniency
     * cannot be used to replay a response for another target.
     */
    private static boolean sameUri(String digestUri, String requestUri) {
        if (digestUri.equals(requestUri)) {
            return true;
        }
        try {
            URI d = Uris.parse(digestUri);
            URI r = Uris.parse(requestUri);
            if (d.equals(r)) {
                return true;
            }
            return d instanceof SipURI a && r instanceof SipURI b && a.isSecure() == b.isSecure()
                    && java.util.Objects.equals(a.getUser(), b.getUser()) && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        } catch (jakarta.servlet.sip.ServletParseException | RuntimeException e) {
            return false;
        }
    }

    private static int port(SipURI u) {
        return u.getPort() > 0 ? u.getPort() : u.isSecure() ? 5061 : 5060;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
