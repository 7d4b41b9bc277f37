package org.olelo.apps.registrar;

import org.olelo.apps.registrar.service.ContextParams;
import org.olelo.apps.registrar.service.MaxContactsPolicy;
import org.olelo.apps.registrar.service.NatDetect;
import org.olelo.apps.registrar.service.PathMode;
import org.olelo.apps.registrar.service.Registrar;
import org.olelo.apps.registrar.service.RevealOffline;
import org.olelo.apps.registrar.store.DbMode;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The application's settings, read from the sip.xml {@code <context-param>}s; every key has a
 * default. The README's Configuration section lists them.
 *
 * <p>Immutable value; any thread.
 *
 * @param dbMode          {@value #DB_MODE}: how memory and database work together
 * @param flushInterval   {@value #FLUSH_INTERVAL}: seconds between write-back flushes
 * @param cleanupInterval {@value #CLEANUP_INTERVAL}: seconds between removals of expired bindings
 * @param defaultExpires  {@value #DEFAULT_EXPIRES}: expiry when the REGISTER gives none, seconds
 * @param minExpires      {@value #MIN_EXPIRES}: shorter requests are answered 423, seconds
 * @param maxExpires      {@value #MAX_EXPIRES}: longer requests are shortened to this, seconds
 * @param maxContacts     {@value #MAX_CONTACTS}: bindings per AOR (0: no limit)
 * @param forkMode        {@value #FORK_MODE}: parallel or sequential forking to the contacts
 * @param domains         {@value #DOMAINS}: the local domains (the listening-point hosts are
 *                        always added)
 * @param pathMode        {@value #PATH_MODE}: Path from a UA that did not list {@code path} in
 *                        Supported is refused with 420 (strict) or stored (lazy)
 * @param revealOffline   {@value #REVEAL_OFFLINE}: who gets 480 rather than 404 for a known user
 *                        without binding
 * @param natDetect       {@value #NAT_DETECT}: which contacts are reached through the address
 *                        their REGISTER came from
 * @param overflow        {@value #MAX_CONTACTS_POLICY}: a REGISTER beyond {@code max.contacts} is
 *                        refused, or replaces the oldest bindings
 */
public record RegistrarConfig(DbMode dbMode, int flushInterval, int cleanupInterval, long defaultExpires,
                              long minExpires, long maxExpires, int maxContacts, ForkMode forkMode,
                              List<String> domains, PathMode pathMode, RevealOffline revealOffline,
                              NatDetect natDetect, MaxContactsPolicy overflow) {

    /** Key of {@link #dbMode}. */
    public static final String DB_MODE = "db.mode";
    /** Key of {@link #flushInterval}. */
    public static final String FLUSH_INTERVAL = "flush.interval";
    /** Key of {@link #cleanupInterval}. */
    public static final String CLEANUP_INTERVAL = "cleanup.interval";
    /** Key of {@link #defaultExpires}. */
    public static final String DEFAULT_EXPIRES = "default.expires";
    /** Key of {@link #minExpires}. */
    public static final String MIN_EXPIRES = "min.expires";
    /** Key of {@link #maxExpires}. */
    public static final String MAX_EXPIRES = "max.expires";
    /** Key of {@link #maxContacts}. */
    public static final String MAX_CONTACTS = "max.contacts";
    /** Key of {@link #forkMode}. */
    public static final String FORK_MODE = "fork.mode";
    /** Key of {@link #domains}. */
    public static final String DOMAINS = "domains";
    /** Key of {@link #pathMode}. */
    public static final String PATH_MODE = "path.mode";
    /** Key of {@link #revealOffline}. */
    public static final String REVEAL_OFFLINE = "reveal.offline";
    /** Key of {@link #natDetect}. */
    public static final String NAT_DETECT = "nat.detect";
    /** Key of {@link #overflow}. */
    public static final String MAX_CONTACTS_POLICY = "max.contacts.policy";

    /** The local domains when {@value #DOMAINS} is not set. */
    public static final List<String> DEFAULT_DOMAINS = List.of("localhost", "127.0.0.1");

    /** Settings with {@code nat.detect=always} and {@code max.contacts.policy=reject}. */
    public RegistrarConfig(DbMode dbMode, int flushInterval, int cleanupInterval, long defaultExpires,
                           long minExpires, long maxExpires, int maxContacts, ForkMode forkMode,
                           List<String> domains, PathMode pathMode, RevealOffline revealOffline) {
        this(dbMode, flushInterval, cleanupInterval, defaultExpires, minExpires, maxExpires, maxContacts, forkMode,
                domains, pathMode, revealOffline, NatDetect.ALWAYS, MaxContactsPolicy.REJECT);
    }

    /** Freezes the domain list and checks the expiry limits. */
    public RegistrarConfig {
        domains = List.copyOf(domains);
        if (pathMode == null || revealOffline == null || natDetect == null || overflow == null) {
            throw new IllegalArgumentException(PATH_MODE + ", " + REVEAL_OFFLINE + ", " + NAT_DETECT + " and "
                    + MAX_CONTACTS_POLICY + " must be set");
        }
        if (flushInterval < 1 || cleanupInterval < 1) {
            throw new IllegalArgumentException(FLUSH_INTERVAL + " and " + CLEANUP_INTERVAL + " must be at least 1 second");
        }
        policyOf(defaultExpires, minExpires, maxExpires, maxContacts, pathMode, overflow);
    }

    /** @return every setting at its default */
    public static RegistrarConfig defaults() {
        return new RegistrarConfig(DbMode.WRITE_THROUGH, 5, 60, 3600, 60, 86400, 10, ForkMode.PARALLEL,
                DEFAULT_DOMAINS, PathMode.STRICT, RevealOffline.NEVER);
    }

    /**
     * Reads the settings; a missing or blank value takes its default.
     *
     * @param params returns the value of a context-param, or null
     * @return the settings
     * @throws IllegalArgumentException naming the context-param and what was expected
     */
    public static RegistrarConfig from(Function<String, String> params) {
        RegistrarConfig d = defaults();
        DbMode mode = value(params, DB_MODE, d.dbMode(), DbMode::parse);
        int flush = value(params, FLUSH_INTERVAL, d.flushInterval(), t -> integer(t, 1, 86400));
        int cleanup = value(params, CLEANUP_INTERVAL, d.cleanupInterval(), t -> integer(t, 1, 86400));
        long dflt = value(params, DEFAULT_EXPIRES, d.defaultExpires(), t -> (long) integer(t, 1, Integer.MAX_VALUE));
        long min = value(params, MIN_EXPIRES, d.minExpires(), t -> (long) integer(t, 0, Integer.MAX_VALUE));
        long max = value(params, MAX_EXPIRES, d.maxExpires(), t -> (long) integer(t, 1, Integer.MAX_VALUE));
        int contacts = value(params, MAX_CONTACTS, d.maxContacts(), t -> integer(t, 0, 100000));
        ForkMode fork = value(params, FORK_MODE, d.forkMode(), ForkMode::parse);
        List<String> domains = value(params, DOMAINS, d.domains(), t -> Arrays.stream(t.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList());
        PathMode path = value(params, PATH_MODE, d.pathMode(), PathMode::parse);
        RevealOffline reveal = value(params, REVEAL_OFFLINE, d.revealOffline(), RevealOffline::parse);
        NatDetect nat = value(params, NAT_DETECT, d.natDetect(), NatDetect::parse);
        MaxContactsPolicy overflow = value(params, MAX_CONTACTS_POLICY, d.overflow(), MaxContactsPolicy::parse);
        try {
            return new RegistrarConfig(mode, flush, cleanup, dflt, min, max, contacts, fork, domains, path, reveal,
                    nat, overflow);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("registrar context-params: " + e.getMessage(), e);
        }
    }

    /** @return the registration limits */
    public Registrar.Policy policy() {
        return policyOf(defaultExpires, minExpires, maxExpires, maxContacts, pathMode, overflow);
    }

    private static Registrar.Policy policyOf(long dflt, long min, long max, int contacts, PathMode path,
                                             MaxContactsPolicy overflow) {
        return new Registrar.Policy(dflt, min, max, contacts, path, overflow);
    }

    private static <T> T value(Function<String, String> params, String key, T dflt, Function<String, T> parse) {
        return ContextParams.value(params, key, dflt, parse);
    }

    private static int integer(String text, int min, int max) {
        return ContextParams.integer(text, min, max);
    }
}
