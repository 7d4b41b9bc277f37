package org.olelo.transport.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads PEM files: certificates (one or a bundle) and an unencrypted PKCS#8 private key
 * ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl genpkey} writes). Runs at start and on
 * a reload, never on the message path.
 */
final class PemFiles {

    private PemFiles() {
    }

    /**
     * Every certificate in the file, in order.
     *
     * @param key the configuration key that named the file (for the error message)
     * @throws IOException when the file cannot be read or holds no certificate
     */
    static List<X509Certificate> certificates(Path file, String key) throws IOException {
        byte[] bytes = read(file, key);
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(key + ": " + file + " holds no PEM certificate");
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException(key + ": " + file + " is not a PEM certificate file (" + e.getMessage() + ")");
        }
    }

    /**
     * The private key in the file, for a certificate whose public key has {@code algorithm}.
     *
     * @throws IOException when the file holds no unencrypted PKCS#8 key of that algorithm
     */
    static PrivateKey privateKey(Path file, String key, String algorithm) throws IOException {
        String text = new String(read(file, key), StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int b = text.indexOf(begin);
        int e = text.indexOf("-----END PRIVATE KEY-----");
        if (b < 0 || e < b) {
            String hint = text.contains("ENCRYPTED PRIVATE KEY") ? "an encrypted key: decrypt it first"
                    : text.contains("RSA PRIVATE KEY") || text.contains("EC PRIVATE KEY")
                    ? "a PKCS#1/SEC1 key: convert it with openssl pkcs8 -topk8 -nocrypt"
                    : "no -----BEGIN PRIVATE KEY----- block";
            throw new IOException(key + ": " + file + " holds " + hint);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new IOException(key + ": " + file + ": the key is not valid base64");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException ex) {
            throw new IOException(key + ": " + file + " is not a " + algorithm + " key matching the certificate");
        }
    }

    private static byte[] read(Path file, String key) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(key + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
