package org.olelo.container.boot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The keys of the container configuration: the one place that lists them with their meaning and
 * how their default is read from {@link ServerConfig#defaults()}. A key {@code a.b} is written
 * {@code a.b=...} in the configuration file, {@code OLELO_A_B} in the environment and
 * {@code --set a.b=...} on the command line.
 *
 * <p>Besides these, every key that starts with {@value #ROUTER_PREFIX} is accepted unchecked and
 * handed to the application router: {@code router.<name>=value} reaches its
 * {@code init(Properties)} as {@code <name>=value} ({@link ServerConfig#router()}); in the
 * environment {@code OLELO_ROUTER_A_B} sets {@code router.a.b}.
 */
public enum ConfigKey {

    /** Listening points, comma-separated {@code transport:host:port}; IPv6 hosts in brackets. */
    LISTEN("listen", "listening points, comma-separated transport:host:port; IPv6: tcp:[::1]:5060",
            d -> join(d.core().listen().stream().map(Object::toString).toList())),
    /** Extra host names that denote this server. */
    ALIASES("aliases", "extra host names of this server, comma-separated",
            d -> join(d.core().aliases().stream().sorted().toList())),
    /** Domains this server is responsible for. */
    LOCAL_DOMAINS("local.domains", "domains this server is responsible for, comma-separated",
            d -> join(d.localDomains().stream().sorted().toList())),
    /** What happens to initial requests for foreign domains that no application takes. */
    UNROUTED_POLICY("unrouted.policy", "unrouted requests for foreign domains: reject (403) or proxy",
            ServerConfig::unroutedPolicy),
    /** How often the applications folder and the routing descriptor are checked for changes. */
    DEPLOY_POLL_MILLIS("deploy.poll.millis", "milliseconds between checks of apps/ and the routing descriptor",
            d -> Long.toString(d.pollMillis())),
    /** How long a replaced or removed application version keeps its sessions. */
    DEPLOY_DRAIN_SECONDS("deploy.drain.seconds", "seconds a replaced or removed application version keeps its"
            + " calls, sessions and timers before what is left is ended (BYE, invalidated); 0: at once",
            d -> Long.toString(d.drainSeconds())),
    /** Folder for databases and extracted applications. */
    DATA_DIR("data.dir", "folder for databases and extracted applications", d -> d.dataDir().toString()),
    /** RFC 3261 timer T1. */
    SIP_T1_MILLIS("sip.t1.millis", "RFC 3261 T1, round-trip estimate, in milliseconds",
            d -> Long.toString(d.core().timers().t1())),
    /** RFC 3261 timer T2. */
    SIP_T2_MILLIS("sip.t2.millis", "RFC 3261 T2, longest retransmit interval, in milliseconds (>= T1)",
            d -> Long.toString(d.core().timers().t2())),
    /** RFC 3261 timer T4. */
    SIP_T4_MILLIS("sip.t4.millis", "RFC 3261 T4, longest life of a message in the network, in milliseconds",
            d -> Long.toString(d.core().timers().t4())),
    /** Reader threads per UDP listening point. */
    UDP_READERS("udp.readers", "reader threads per UDP listening point",
            d -> Integer.toString(d.core().udpReaders())),
    /** Socket buffer size of UDP listening points. */
    UDP_BUFFER_BYTES("udp.buffer.bytes", "receive and send buffer of UDP sockets, in bytes",
            d -> Integer.toString(d.core().udpBufferBytes())),
    /** Largest SIP message accepted. */
    MAX_MESSAGE_BYTES("max.message.bytes", "largest SIP message accepted, in bytes",
            d -> Integer.toString(d.core().maxMessageBytes())),
    /** Open TCP connections beyond which new ones are closed at once. */
    TCP_MAX_CONNECTIONS("tcp.max.connections", "open TCP connections at which a new one replaces the oldest that has"
            + " carried no SIP message, or is closed at once when all have", d -> Integer.toString(d.core().tcp().maxConnections())),
    /** Accepted TCP connections one address may hold. */
    TCP_MAX_CONNECTIONS_PER_ADDRESS("tcp.max.connections.per.address", "accepted TCP connections from one IP address"
            + " beyond which a new one from it is closed at once", d -> Integer.toString(d.core().tcp().maxPerAddress())),
    /** Idle TCP connections are closed after this long. */
    TCP_IDLE_TIMEOUT_SECONDS("tcp.idle.timeout.seconds", "seconds without traffic after which a TCP connection is"
            + " closed (CRLF keep-alives count as traffic; 0: never)", d -> Integer.toString(d.core().tcp().idleTimeoutSeconds())),
    /** Time a message may take to arrive once its first byte did. */
    TCP_MESSAGE_TIMEOUT_SECONDS("tcp.message.timeout.seconds", "seconds a message may take to arrive on a TCP"
            + " connection once its first byte did; slower senders are disconnected",
            d -> Integer.toString(d.core().tcp().messageTimeoutSeconds())),
    /** Requests per second one source may send before it is blocked. */
    PIKE_REQUESTS_PER_SECOND("pike.requests.per.second", "requests one source address may send in one second; more,"
            + " and its requests are dropped unanswered for pike.block.seconds (0: flood detection off)",
            d -> Integer.toString(d.core().flood().requestsPerSecond())),
    /** How long a flooding source is ignored. */
    PIKE_BLOCK_SECONDS("pike.block.seconds", "seconds a flooding source address is ignored",
            d -> Integer.toString(d.core().flood().blockSeconds())),
    /** Sources never blocked for flooding. */
    PIKE_EXEMPT("pike.exempt", "source addresses or blocks never blocked for flooding, comma-separated"
            + " (e.g. trunks and SBCs); empty: none", d -> join(d.core().flood().exempt().stream().map(Object::toString).toList())),
    /** JDBC URL of the container's database; empty for the embedded H2 file in the data folder. */
    DB_URL("db.url", "JDBC URL of the database; empty: embedded H2 file <data.dir>/olelo (only the H2 driver"
            + " is bundled)", d -> d.db().url()),
    /** Database user. */
    DB_USER("db.user", "database user", d -> d.db().user()),
    /** Database password. */
    DB_PASSWORD("db.password", "database password (empty: for the embedded database, the one generated in"
            + " <data.dir>/database.secret; otherwise none)", d -> d.db().password()),
    /** Size of the default connection pool. */
    DB_POOL_SIZE("db.pool.size", "largest number of connections of the default pool",
            d -> Integer.toString(d.db().poolSize())),
    /** Whether the container enforces the security constraints of applications. */
    AUTH_ENABLED("auth.enabled", "enforce the applications' security constraints with digest authentication:"
            + " true or false", d -> Boolean.toString(d.auth().enabled())),
    /** Lifetime of digest nonces. */
    AUTH_NONCE_SECONDS("auth.nonce.seconds", "seconds a digest nonce stays valid (then stale=true)",
            d -> Integer.toString(d.auth().nonceSeconds())),
    /** Failures that block a user at one address, and after which a user's failing attempts slow down. */
    AUTH_MAX_FAILURES("auth.max.failures", "failed authentications of one user from one address that block that"
            + " user there (counted within auth.block.seconds); past as many from anywhere, the user's failing"
            + " attempts are answered later (a user is never blocked everywhere)",
            d -> Integer.toString(d.auth().maxFailures())),
    /** Failures at one address, across users, that block the address. */
    AUTH_MAX_FAILURES_SOURCE("auth.max.failures.source", "failed authentications from one address, across users,"
            + " that block the address (counted within auth.block.seconds)",
            d -> Integer.toString(d.auth().maxFailuresSource())),
    /** How long a block lasts. */
    AUTH_BLOCK_SECONDS("auth.block.seconds", "seconds a blocked address, or user at an address, gets 403; also the"
            + " window in which failures are counted", d -> Integer.toString(d.auth().blockSeconds())),
    /** Digest algorithms offered, in order of preference. */
    AUTH_ALGORITHMS("auth.algorithms", "digest algorithms offered and accepted, in order of preference:"
            + " MD5 and/or SHA-256 (default MD5 only: SIPp 3.6 and baresip 1.0 fail when SHA-256 is offered)",
            d -> join(d.auth().algorithms().stream().map(a -> a.token()).toList())),
    /** Whether the call log is written. */
    LOG_CALLS("log.calls", "write the call log (logger olelo.calls): one line per initial request with its outcome:"
            + " true or false", d -> Boolean.toString(d.log().calls())),
    /** Longest answered call. */
    DIALOG_MAX_SECONDS("dialog.max.seconds", "seconds an answered call may last before the server ends it with a BYE"
            + " to both parties; 0: no limit", d -> Long.toString(d.calls().dialog().maxSeconds())),
    /** Whether proxied calls are accounted. */
    ACC_ENABLED("acc.enabled", "account proxied calls in the default database (tables acc, missed_calls, acc_cdrs):"
            + " true or false", d -> Boolean.toString(d.calls().acc().enabled())),
    /** Records that may wait for the accounting database. */
    ACC_QUEUE_SIZE("acc.queue.size", "accounting records that may wait for the database (kept while it is down);"
            + " past it, new records are dropped, counted and logged", d -> Integer.toString(d.calls().acc().queueSize())),
    /** Users whose messages are traced. */
    TRACE_USERS("trace.users", "users whose SIP messages are traced, comma-separated: alice (any domain) or"
            + " alice@example.com; applied when the configuration file changes", d -> join(d.log().trace().users())),
    /** Call-IDs whose messages are traced. */
    TRACE_CALLS("trace.calls", "Call-IDs whose SIP messages are traced, comma-separated; applied when the configuration"
            + " file changes", d -> join(d.log().trace().calls())),
    /** Where traced messages are written. */
    TRACE_FILE("trace.file", "file traced SIP messages are appended to (empty: <data.dir>/"
            + org.olelo.container.internal.trace.TraceSettings.DEFAULT_FILE_NAME + ")",
            d -> d.log().trace().file() == null ? "" : d.log().trace().file().toString()),
    /** Homer collector for traced messages. */
    TRACE_HEP_ADDRESS("trace.hep.address", "host:port of a Homer collector that also gets each traced message as HEP v3"
            + " over UDP (empty: none)", d -> d.log().trace().hep() == null ? ""
            : d.log().trace().hep().getHostString() + ":" + d.log().trace().hep().getPort()),
    /** Capture agent id of HEP packets. */
    TRACE_HEP_ID("trace.hep.id", "capture agent id written in each HEP packet, 0 to 4294967295",
            d -> Long.toString(d.log().trace().hepId())),
    /** PEM certificate chain of the TLS listening points. */
    TLS_CERTIFICATE("tls.certificate", "PEM file with the certificate of the tls: (and wss:) listening points, followed"
            + " by its chain; with tls.private.key", d -> ext(d, "tls.certificate")),
    /** PEM private key of that certificate. */
    TLS_PRIVATE_KEY("tls.private.key", "PEM file with the unencrypted PKCS#8 private key of tls.certificate",
            d -> ext(d, "tls.private.key")),
    /** PKCS#12 key store instead of the PEM pair. */
    TLS_KEYSTORE("tls.keystore", "PKCS#12 key store with the certificate and key, instead of the PEM files",
            d -> ext(d, "tls.keystore")),
    /** Its password. */
    TLS_KEYSTORE_PASSWORD("tls.keystore.password", "password of tls.keystore", d -> ext(d, "tls.keystore.password")),
    /** Whether TLS clients are asked for a certificate. */
    TLS_CLIENT_AUTH("tls.client.auth", "none, want (asked for, and checked when given) or need (a client without one"
            + " signed by tls.ca is refused)", d -> d.core().extensions().getOrDefault("tls.client.auth", "none")),
    /** CAs trusted for client certificates and for servers we connect to. */
    TLS_CA("tls.ca", "PEM bundle of the CAs trusted for client certificates and for the servers this server connects"
            + " to over TLS; empty: the JDK's trust store", d -> ext(d, "tls.ca")),
    /** Whether the certificates of servers we connect to are checked. */
    TLS_VERIFY_SERVER("tls.verify.server", "check the certificate and host name of servers this server connects to over"
            + " TLS; false only for tests (logged as a warning)",
            d -> d.core().extensions().getOrDefault("tls.verify.server", "true")),
    /** A self-signed certificate for development. */
    TLS_SELF_SIGNED("tls.self.signed", "true: without tls.certificate and tls.keystore, make a self-signed certificate"
            + " into the data folder (development only; logged as a warning at each start)",
            d -> d.core().extensions().getOrDefault("tls.self.signed", "false")),
    /** The only request path a WebSocket listening point upgrades. */
    WS_PATH("ws.path", "request path a ws: or wss: listening point upgrades, e.g. /sip (empty: any path)",
            d -> d.core().extensions().getOrDefault("ws.path", "")),
    /** The origins a WebSocket handshake may come from. */
    WS_ORIGINS("ws.origins", "origins whose pages may open a ws: or wss: connection, comma-separated, e.g."
            + " https://phone.example.com (empty: any, and handshakes without Origin)",
            d -> d.core().extensions().getOrDefault("ws.origins", "")),
    /** Whether host names are located with NAPTR and SRV (RFC 3263), with failover. */
    DNS_RFC3263("dns.rfc3263", "locate the SIP servers of host names with NAPTR, SRV and A/AAAA (RFC 3263) and fail"
            + " over from one to the next; false: the system's A/AAAA look-up only, one target",
            d -> d.core().extensions().getOrDefault("dns.rfc3263", "true")),
    /** DNS servers of the RFC 3263 locator. */
    DNS_SERVERS("dns.servers", "DNS servers asked for NAPTR, SRV, A/AAAA and ENUM, comma-separated ip[:port];"
            + " empty: those of the operating system (then the hosts file first)",
            d -> d.core().extensions().getOrDefault("dns.servers", "")),
    /** How long one DNS query waits for one server. */
    DNS_TIMEOUT_MS("dns.timeout.ms", "milliseconds one DNS query waits for one server before it is sent again or to"
            + " the next", d -> d.core().extensions().getOrDefault("dns.timeout.ms", "2000")),
    /** How many times a DNS query is sent again. */
    DNS_RETRIES("dns.retries", "times a DNS query is sent again before it fails",
            d -> d.core().extensions().getOrDefault("dns.retries", "1")),
    /** Size of the DNS cache. */
    DNS_CACHE_ENTRIES("dns.cache.entries", "DNS answers kept at most (each for its records' TTL)",
            d -> d.core().extensions().getOrDefault("dns.cache.entries", "4096")),
    /** How long a DNS "no such name" is kept at most. */
    DNS_NEGATIVE_TTL_SECONDS("dns.negative.ttl.seconds", "seconds a DNS answer \"no such name or record\" is kept"
            + " at most", d -> d.core().extensions().getOrDefault("dns.negative.ttl.seconds", "30")),
    /** The ENUM domain. */
    DNS_ENUM_SUFFIX("dns.enum.suffix", "domain under which telephone numbers are looked up (ENUM, RFC 6116)",
            d -> d.core().extensions().getOrDefault("dns.enum.suffix", "e164.arpa")),
    /** Address of the HTTP listener (management endpoints); empty turns it off. */
    HTTP_LISTEN("http.listen", "host:port of the HTTP listener serving the management endpoints (/rpc ...);"
            + " empty: no HTTP listener; a non-loopback address needs management.token",
            d -> d.management().listenText()),
    /** Bearer token of the management endpoints. */
    MANAGEMENT_TOKEN("management.token", "bearer token every management request must carry (Authorization: Bearer"
            + " TOKEN); empty: none, and only loopback clients are served", d -> d.management().token()),
    /** How long a shutdown requested over the management interface lets transactions finish. */
    SHUTDOWN_DRAIN_SECONDS("shutdown.drain.seconds", "seconds core.shutdown lets transactions in progress finish"
            + " (new initial requests get 503) before the server stops",
            d -> Long.toString(d.management().shutdownDrainSeconds())),
    /** How proxies rewrite the Contact of user agents behind NAT (read by the container, see ContactFix). */
    NAT_FIX_CONTACT("nat.fix.contact", "Contact of proxied requests and responses from user agents behind NAT:"
            + " off, private (a private or link-local Contact address becomes the source address and port), always"
            + " (every Contact that is not the source)",
            d -> d.core().extensions().getOrDefault("nat.fix.contact", "off")),
    /** Name of the cluster this node joins; empty turns clustering off. */
    CLUSTER_NAME("cluster.name", "name of the cluster this node joins (Infinispan over JGroups TCP); nodes join only a"
            + " cluster of the same name; empty: clustering off", d -> d.core().extensions().getOrDefault("cluster.name", "")),
    /** Where this node listens for the other members. */
    CLUSTER_BIND("cluster.bind", "host:port this node listens on for the other members; the next port takes the"
            + " failure-detection socket", d -> d.core().extensions().getOrDefault("cluster.bind", "127.0.0.1:7800")),
    /** The members contacted when joining. */
    CLUSTER_MEMBERS("cluster.members", "host:port of the members to contact when joining, comma-separated (static"
            + " discovery; this node may be listed); empty: this node alone until others contact it",
            d -> d.core().extensions().getOrDefault("cluster.members", "")),
    /** Silence after which a member is suspected. */
    CLUSTER_FAILURE_TIMEOUT_MILLIS("cluster.failure.timeout.millis", "milliseconds a member may stay silent before it"
            + " is suspected and, after 500 ms of verification, removed from the view (a killed process is noticed"
            + " at once through its closed socket)", d -> d.core().extensions().getOrDefault("cluster.failure.timeout.millis", "3000")),
    /** The Record-Route key shared by the nodes of a cluster. */
    CLUSTER_ROUTE_KEY("cluster.route.key", "32 bytes in base64 (openssl rand -base64 32), the same on every node: it"
            + " signs this node's Record-Route entries so that any node relays the requests of a dialog whose node"
            + " died, and the digest nonces are derived from it so that every node accepts the others' nonces;"
            + " empty: a key of this node alone, kept in the data folder (record-route.key), and nonces of this"
            + " start alone",
            d -> d.core().extensions().getOrDefault("cluster.route.key", ""));

    /**
     * Prefixes of the keys that belong to plug-ins of the core (transports, resolvers) and to the
     * cluster module (read by {@code org.olelo.cluster.ClusterSettings}): such a key
     * is listed here like any other, and its value reaches the plug-in unparsed through
     * {@link org.olelo.core.CoreConfig#extensions()}, which checks it.
     */
    public static final List<String> EXTENSION_PREFIXES = List.of("tls.", "ws.", "dns.", "nat.", "cluster.");

    /** The prefix of the keys handed to the application router, without it. */
    public static final String ROUTER_PREFIX = "router.";

    private final String key;
    private final String description;
    private final Function<ServerConfig, String> defaultValue;

    ConfigKey(String key, String description, Function<ServerConfig, String> defaultValue) {
        this.key = key;
        this.description = description;
        this.defaultValue = defaultValue;
    }

    /** @return the key as written in the configuration file, e.g. {@code sip.t1.millis} */
    public String key() {
        return key;
    }

    /** @return the environment variable that sets this key, e.g. {@code OLELO_SIP_T1_MILLIS} */
    public String envName() {
        return envName(key);
    }

    /** @return one line saying what the key sets */
    public String description() {
        return description;
    }

    /**
     * @param defaults the configuration the defaults come from
     * @return the default value as it would be written in the configuration file
     */
    public String defaultValue(ServerConfig defaults) {
        return defaultValue.apply(defaults);
    }

    /**
     * @param key a key as written in the configuration file
     * @return the matching constant, if the key is known
     */
    public static Optional<ConfigKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** @return whether this key belongs to a plug-in of the core ({@link #EXTENSION_PREFIXES}) */
    public boolean extension() {
        return EXTENSION_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /**
     * @param key a key as written in the configuration file
     * @return whether it is a key for the application router: {@code router.} and a name
     */
    public static boolean isRouterKey(String key) {
        return key.startsWith(ROUTER_PREFIX) && key.length() > ROUTER_PREFIX.length();
    }

    /** The raw value of an extension key, empty when not set. */
    private static String ext(ServerConfig d, String key) {
        return d.core().extensions().getOrDefault(key, "");
    }

    /** @return all keys, comma-separated, for error messages */
    public static String list() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", ")) + ", " + ROUTER_PREFIX
                + "<name>";
    }

    /**
     * @param defaults the configuration the defaults come from
     * @return one line per key with its default and meaning, for the usage help
     */
    public static String[] table(ServerConfig defaults) {
        return Arrays.stream(values())
                .map(k -> ("  " + k.key + "=" + k.defaultValue(defaults) + "   (" + k.envName() + ")"
                        + System.lineSeparator() + "      " + k.description).replace("%", "%%"))
                .toArray(String[]::new);
    }

    /**
     * @param key a dotted key
     * @return its environment variable: {@code OLELO_} and the key upper-cased, dots to underscores
     */
    static String envName(String key) {
        return "OLELO_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static String join(List<String> values) {
        return String.join(",", values);
    }
}
