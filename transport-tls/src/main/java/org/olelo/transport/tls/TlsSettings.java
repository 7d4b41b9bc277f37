package org.olelo.transport.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.olelo.core.spi.TransportContext;

/**
 * The {@code tls.*} settings, parsed and checked. The server's identity comes either from PEM files
 * ({@code tls.certificate}, the certificate followed by its chain, and {@code tls.private.key}, an
 * unencrypted PKCS#8 key) or from a PKCS#12 key store ({@code tls.keystore},
 * {@code tls.keystore.password}); a listening point needs one of them, a client-only use needs none.
 *
 * @param certificate      PEM certificate chain, leaf first; null when not set
 * @param privateKey       PEM private key of the leaf certificate; null when not set
 * @param keystore         PKCS#12 key store holding one key entry; null when not set
 * @param keystorePassword its password (empty when not set)
 * @param clientAuth       whether clients are asked for a certificate
 * @param ca               PEM bundle of the CAs trusted for client certificates and for servers we
 *                         connect to; null: the JDK's trust store
 * @param verifyServer     whether the certificate of a server we connect to is checked (chain and
 *                         host name); true unless {@code tls.verify.server=false}
 */
public record TlsSettings(Path certificate, Path privateKey, Path keystore, String keystorePassword,
                          ClientAuth clientAuth, Path ca, boolean verifyServer) {

    /** The configuration keys, as written in {@code olelo.properties}. */
    public static final String CERTIFICATE = "tls.certificate";
    /** See {@link #CERTIFICATE}. */
    public static final String PRIVATE_KEY = "tls.private.key";
    /** See {@link #CERTIFICATE}. */
    public static final String KEYSTORE = "tls.keystore";
    /** See {@link #CERTIFICATE}. */
    public static final String KEYSTORE_PASSWORD = "tls.keystore.password";
    /** See {@link #CERTIFICATE}. */
    public static final String CLIENT_AUTH = "tls.client.auth";
    /** See {@link #CERTIFICATE}. */
    public static final String CA = "tls.ca";
    /** See {@link #CERTIFICATE}. */
    public static final String VERIFY_SERVER = "tls.verify.server";

    /** Checks that the PEM pair is complete and not given together with a key store. */
    public TlsSettings {
        keystorePassword = keystorePassword == null ? "" : keystorePassword;
        clientAuth = clientAuth == null ? ClientAuth.NONE : clientAuth;
        if ((certificate == null) != (privateKey == null)) {
            throw new IllegalArgumentException(CERTIFICATE + " and " + PRIVATE_KEY + " go together: set both or neither");
        }
        if (certificate != null && keystore != null) {
            throw new IllegalArgumentException(CERTIFICATE + " and " + KEYSTORE + " both set: choose one");
        }
    }

    /** True when a server identity (PEM pair or key store) is configured. */
    public boolean hasIdentity() {
        return certificate != null || keystore != null;
    }

    /**
     * Reads the settings a transport factory was given.
     *
     * @throws IOException naming the key whose value is wrong
     */
    public static TlsSettings from(TransportContext context) throws IOException {
        return from(context::setting);
    }

    /**
     * Reads the settings from a look-up of the raw values (empty values count as not set).
     *
     * @throws IOException naming the key whose value is wrong
     */
    public static TlsSettings from(Function<String, Optional<String>> setting) throws IOException {
        String verify = value(setting, VERIFY_SERVER);
        if (verify != null && !verify.equalsIgnoreCase("true") && !verify.equalsIgnoreCase("false")) {
            throw new IOException(VERIFY_SERVER + ": expected true or false, not '" + verify + "'");
        }
        ClientAuth auth;
        try {
            String a = value(setting, CLIENT_AUTH);
            auth = a == null ? ClientAuth.NONE : ClientAuth.parse(a);
        } catch (IllegalArgumentException e) {
            throw new IOException(CLIENT_AUTH + ": " + e.getMessage());
        }
        try {
            return new TlsSettings(path(setting, CERTIFICATE), path(setting, PRIVATE_KEY), path(setting, KEYSTORE),
                    value(setting, KEYSTORE_PASSWORD), auth, path(setting, CA), verify == null || Boolean.parseBoolean(verify));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    private static String value(Function<String, Optional<String>> setting, String key) {
        return setting.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static Path path(Function<String, Optional<String>> setting, String key) {
        String v = value(setting, key);
        return v == null ? null : Path.of(v);
    }
}
