package org.olelo.transport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS contexts of Olelo from {@link TlsSettings}, for the {@code tls:} listening points
 * and for any other transport that speaks TLS (secure WebSockets). Every context allows TLS 1.2 and
 * 1.3 only, with forward-secret AEAD cipher suites (ECDHE or DHE with AES-GCM or ChaCha20-Poly1305,
 * and the TLS 1.3 suites): no RC4, 3DES, CBC, SHA-1 MACs, export, anonymous or NULL suites.
 *
 * <p>Use: {@code SSLContext c = TlsContexts.serverContext(s)}, then on each engine or socket
 * {@code setSSLParameters(TlsContexts.serverParameters(c, s))}. A reload builds a new context;
 * connections already open keep the one they were made with. Called at start and on a reload,
 * never per message; every method may block on reading files.
 */
public final class TlsContexts {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /** The protocol versions allowed: TLSv1.3 and TLSv1.2. */
    public static String[] protocols() {
        return PROTOCOLS.clone();
    }

    /**
     * The server context: the configured identity (PEM pair or PKCS#12 key store) and, for client
     * certificates, the CAs of {@code tls.ca} (or the JDK's).
     *
     * @throws IOException naming the key whose file is missing or wrong, or when no identity is configured
     */
    public static SSLContext serverContext(TlsSettings s) throws IOException {
        if (!s.hasIdentity()) {
            throw new IOException("a TLS listening point needs " + TlsSettings.CERTIFICATE + " and "
                    + TlsSettings.PRIVATE_KEY + ", or " + TlsSettings.KEYSTORE);
        }
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            char[] password = s.keystorePassword().toCharArray();
            kmf.init(identity(s, password), password);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), trustManagers(s), null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("the TLS identity cannot be used: " + e.getMessage());
        }
    }

    /**
     * The client context, for connections this server opens: trusts the CAs of {@code tls.ca} (or
     * the JDK's), presents the configured identity when there is one (servers that want client
     * certificates), and trusts any server when {@code tls.verify.server=false}.
     *
     * @throws IOException naming the key whose file is missing or wrong
     */
    public static SSLContext clientContext(TlsSettings s) throws IOException {
        try {
            KeyManagerFactory kmf = null;
            if (s.hasIdentity()) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] password = s.keystorePassword().toCharArray();
                kmf.init(identity(s, password), password);
            }
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf == null ? null : kmf.getKeyManagers(),
                    s.verifyServer() ? trustManagers(s) : new TrustManager[] {TrustAll.INSTANCE}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException("the TLS client context cannot be made: " + e.getMessage());
        }
    }

    /**
     * What a server socket or engine made from {@code context} must be set to: the protocols, the
     * cipher suites (the server's order) and whether a client certificate is wanted or needed.
     */
    public static SSLParameters serverParameters(SSLContext context, TlsSettings s) {
        SSLParameters p = base(context);
        p.setUseCipherSuitesOrder(true);
        switch (s.clientAuth()) {
            case NEED -> p.setNeedClientAuth(true);
            case WANT -> p.setWantClientAuth(true);
            case NONE -> { }
        }
        return p;
    }

    /**
     * What a client socket or engine made from {@code context} must be set to: the protocols, the
     * cipher suites and, unless {@code tls.verify.server=false}, host-name checking of the server's
     * certificate (the RFC 2818 rules, as for HTTPS).
     */
    public static SSLParameters clientParameters(SSLContext context, TlsSettings s) {
        SSLParameters p = base(context);
        if (s.verifyServer()) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return p;
    }

    /** The cipher suites of {@code context} that this class allows, in the context's order of preference. */
    public static String[] cipherSuites(SSLContext context) {
        return Arrays.stream(context.getDefaultSSLParameters().getCipherSuites())
                .filter(TlsContexts::allowed).toArray(String[]::new);
    }

    static boolean allowed(String suite) {
        if (suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")) {
            return true; // the TLS 1.3 suites: all AEAD, key exchange always ephemeral
        }
        boolean forwardSecret = suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_");
        boolean aead = suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_");
        return forwardSecret && aead && !suite.contains("_anon_") && !suite.contains("_NULL_");
    }

    private static SSLParameters base(SSLContext context) {
        SSLParameters p = context.getDefaultSSLParameters();
        List<String> supported = Arrays.asList(context.getSupportedSSLParameters().getProtocols());
        p.setProtocols(Arrays.stream(PROTOCOLS).filter(supported::contains).toArray(String[]::new));
        p.setCipherSuites(cipherSuites(context));
        return p;
    }

    /** A key store with one entry, "olelo", from the PEM pair, or the configured PKCS#12 store. */
    private static KeyStore identity(TlsSettings s, char[] password) throws IOException, GeneralSecurityException {
        if (s.keystore() != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(s.keystore())) {
                ks.load(in, password);
            } catch (IOException e) {
                throw new IOException(TlsSettings.KEYSTORE + ": cannot read " + s.keystore() + " as PKCS#12 with "
                        + TlsSettings.KEYSTORE_PASSWORD + " (" + e.getMessage() + ")");
            }
            return ks;
        }
        List<X509Certificate> chain = PemFiles.certificates(s.certificate(), TlsSettings.CERTIFICATE);
        PrivateKey key = PemFiles.privateKey(s.privateKey(), TlsSettings.PRIVATE_KEY,
                chain.get(0).getPublicKey().getAlgorithm());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("olelo", key, password, chain.toArray(new X509Certificate[0]));
        return ks;
    }

    /** Trust managers of the {@code tls.ca} bundle, or null (the JDK's trust store). */
    private static TrustManager[] trustManagers(TlsSettings s) throws IOException, GeneralSecurityException {
        if (s.ca() == null) {
            return null;
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        List<X509Certificate> cas = new ArrayList<>(PemFiles.certificates(s.ca(), TlsSettings.CA));
        for (int i = 0; i < cas.size(); i++) {
            ts.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        return tmf.getTrustManagers();
    }

    /** Trusts every server: only with {@code tls.verify.server=false}, which the transport logs as a warning. */
    private static final class TrustAll implements X509TrustManager {
        static final TrustAll INSTANCE = new TrustAll();

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client context does not check clients");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // tls.verify.server=false: every server certificate is accepted
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
