package org.olelo.core.routing;

import gov.nist.javax.sip.message.SIPRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.address.SipURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proof that a Record-Route (or Path) entry naming this server was written by it, for the
 * dialog the request belongs to: a parameter {@value #PARAM} holding an HMAC-SHA-256 (96 bits,
 * base64url) over the entry's user part and parameters and, for a Record-Route, the dialog's
 * Call-ID and the caller's tag (the From tag of the request that created the dialog, which every
 * request of the dialog carries, as From or To tag). Kamailio's {@code rr} module and
 * {@code loose_route} play the same part. A request inside a dialog is relayed only when the Route
 * entry of ours it carries verifies for its own Call-ID and tags: an entry copied from another
 * dialog, or made up, does not.
 *
 * <p>The key is given by the configuration when the server is one node of a cluster
 * ({@link #withKey}), else 32 random bytes kept in the data folder ({@value #KEY_FILE}, created with mode 0600
 * at the first start), so that dialogs outlive a restart; removing the file makes a new key, and
 * the dialogs record-routed before are then refused.
 *
 * <p>Parameters {@code transport}, {@code maddr} and {@code lr} are left out of the HMAC (the two
 * entries of one hop that changes transport differ by them, and some elements rewrite {@code lr}).
 * Thread-safe: each computation works on its own copy of the initialised MAC.
 */
public final class RouteTokens {

    /** URI parameter carrying the token. */
    public static final String PARAM = "olt";
    /** File of the key in the data folder. */
    public static final String KEY_FILE = "record-route.key";

    private static final Logger LOG = LoggerFactory.getLogger(RouteTokens.class);
    private static final int KEY_BYTES = 32;
    private static final int TOKEN_BYTES = 12;
    private static final Set<String> UNSIGNED = Set.of("transport", "maddr", "lr", PARAM);

    private final Mac prototype;

    private RouteTokens(byte[] key) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Tokens with a random key that lives as long as the process (tests, embedded use). */
    public static RouteTokens ephemeral() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new RouteTokens(key);
    }

    /**
     * Tokens with a key given by the configuration, the same on every node of a cluster, so that a
     * Record-Route entry one node wrote verifies on the others (which then relay the dialog's
     * requests when that node is gone).
     *
     * @param key exactly 32 bytes
     * @throws IllegalArgumentException when the key is not 32 bytes long
     */
    public static RouteTokens withKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a record-route key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        return new RouteTokens(key.clone());
    }

    /**
     * Tokens with the key of the data folder, made there on first use.
     *
     * @param dataDir the server's data folder (it must exist)
     * @throws IOException when the key file cannot be read or written, or does not hold a key
     */
    public static RouteTokens load(Path dataDir) throws IOException {
        Path file = dataDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            create(file);
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length != KEY_BYTES) {
            throw new IOException(file + " holds " + key.length + " bytes instead of a " + KEY_BYTES
                    + "-byte key; remove it to make a new one (dialogs record-routed with the old key are then refused)");
        }
        warnIfReadableByOthers(file);
        return new RouteTokens(key);
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(file.getParent(), ".record-route", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), ".record-route", ".tmp");
        try {
            Files.write(tmp, key);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        LOG.info("made a new record-route key in {}", file);
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("{} can be read by other users (mode {}); whoever reads it can relay requests through"
                        + " this server: chmod 600 it", file, PosixFilePermissions.toString(p));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    /**
     * Adds the token to a Record-Route URI this server writes.
     *
     * @param uri     the entry's URI, complete but for the token
     * @param callId  the dialog's Call-ID
     * @param fromTag the From tag of the request that creates the dialog
     * @return the token, the same for every entry with the same user part and signed parameters
     */
    public String signRecordRoute(SipURI uri, String callId, String fromTag) {
        String token = mac("rr", uri, callId, fromTag);
        setToken(uri, token);
        return token;
    }

    /**
     * Adds the token to a Path URI this server writes (RFC 3327). A Path entry is used by requests
     * that start dialogs, whose Call-ID is not known yet: its token covers its parameters only.
     *
     * @param uri the entry's URI, complete but for the token
     */
    public void signPath(SipURI uri) {
        setToken(uri, mac("path", uri, "", ""));
    }

    /**
     * Whether a Route entry a request carried is a Path entry this server wrote ({@link #signPath}):
     * its token matches its parameters.
     */
    public boolean verifiesPath(SipURI uri) {
        String token = uri.getParameter(PARAM);
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                mac("path", uri, "", "").getBytes(StandardCharsets.US_ASCII));
    }

    /** Sets the token parameter of a URI (one computed for another entry of the same hop). */
    public static void setToken(SipURI uri, String token) {
        try {
            uri.setParameter(PARAM, token);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e); // a base64url token is a valid parameter value
        }
    }

    /** True when a URI carries a token parameter or the session parameter: it claims to be our entry. */
    public static boolean claimsToBeOurs(SipURI uri, String sessionParam) {
        return uri.getParameter(PARAM) != null || (sessionParam != null && uri.getParameter(sessionParam) != null);
    }

    /**
     * Whether a Route entry of ours that a request carried is a Record-Route this server wrote for
     * that request's dialog: its token matches the Call-ID and the From or the To tag.
     */
    public boolean verifiesRecordRoute(SipURI uri, SIPRequest r) {
        String token = uri.getParameter(PARAM);
        if (token == null || r.getCallId() == null) {
            return false;
        }
        byte[] given = token.getBytes(StandardCharsets.US_ASCII);
        String callId = r.getCallId().getCallId();
        String from = r.getFromTag();
        String to = r.getToTag();
        if (MessageDigest.isEqual(given, mac("rr", uri, callId, from).getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        return to != null && !to.equals(from)
                && MessageDigest.isEqual(given, mac("rr", uri, callId, to).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String kind, SipURI uri, String callId, String tag) {
        StringBuilder sb = new StringBuilder(128).append(kind).append('\0');
        if (uri.getUser() != null) {
            sb.append(uri.getUser());
        }
        Map<String, String> params = new TreeMap<>();
        for (Iterator<?> it = uri.getParameterNames(); it.hasNext(); ) {
            String n = ((String) it.next()).toLowerCase(Locale.ROOT);
            if (!UNSIGNED.contains(n)) {
                String v = uri.getParameter(n);
                params.put(n, v == null ? "" : v);
            }
        }
        params.forEach((n, v) -> sb.append('\0').append(n).append('=').append(v));
        sb.append('\0').append(callId == null ? "" : callId).append('\0').append(tag == null ? "" : tag);
        Mac m;
        try {
            m = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
        byte[] full = m.doFinal(sb.toString().getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, TOKEN_BYTES));
    }
}
