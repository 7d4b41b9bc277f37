package org.olelo.transport.tls.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority for tests, made at test time with the JDK's {@code keytool}
 * in a temporary folder: a CA, and leaf certificates it signs for servers and clients, each as a
 * PKCS#12 key store and as PEM files (chain and PKCS#8 key). Nothing here is committed key material.
 */
public final class TestPki {

    /** Password of every key store made here. */
    public static final String PASSWORD = "test-pass";

    private final Path dir;
    private final String caName;

    /** One leaf: its key store and PEM files. */
    public record Leaf(Path keystore, Path chainPem, Path keyPem) {
    }

    private TestPki(Path dir, String caName) {
        this.dir = dir;
        this.caName = caName;
    }

    /** Makes a new CA named {@code name} under {@code dir}. */
    public static TestPki create(Path dir, String name) throws IOException {
        TestPki p = new TestPki(dir, name);
        p.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "bc:c", "-validity", "3", "-keystore", p.caStore().toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        p.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", p.caStore().toString(), "-storepass", PASSWORD,
                "-file", p.caPem().toString());
        return p;
    }

    /** The CA's certificate, PEM. */
    public Path caPem() {
        return dir.resolve(caName + "-ca.pem");
    }

    private Path caStore() {
        return dir.resolve(caName + "-ca.p12");
    }

    /**
     * A leaf certificate signed by this CA for {@code cn}, valid for 127.0.0.1, ::1 and localhost,
     * usable by servers and clients.
     */
    public Leaf leaf(String cn) throws IOException {
        Path ks = dir.resolve(cn + ".p12");
        Path csr = dir.resolve(cn + ".csr");
        Path crt = dir.resolve(cn + ".crt");
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn,
                "-validity", "3", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "leaf", "-keystore", ks.toString(), "-storepass", PASSWORD, "-file", csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", caStore().toString(), "-storepass", PASSWORD, "-infile",
                csr.toString(), "-outfile", crt.toString(), "-rfc", "-validity", "3",
                "-ext", "SAN=ip:127.0.0.1,ip:::1,dns:localhost", "-ext", "EKU=serverAuth,clientAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem().toString(), "-keystore", ks.toString(),
                "-storepass", PASSWORD);
        keytool("-importcert", "-alias", "leaf", "-file", crt.toString(), "-keystore", ks.toString(), "-storepass",
                PASSWORD);
        Path chain = dir.resolve(cn + "-chain.pem");
        Files.writeString(chain, Files.readString(crt) + Files.readString(caPem()));
        Path key = dir.resolve(cn + "-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateKey(ks).getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new Leaf(ks, chain, key);
    }

    /** A self-signed leaf that no CA vouches for (an untrusted server). */
    public Leaf selfSigned(String cn) throws IOException {
        Path ks = dir.resolve(cn + "-self.p12");
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "3", "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        return new Leaf(ks, null, null);
    }

    private static Key privateKey(Path ks) throws IOException {
        try (InputStream in = Files.newInputStream(ks)) {
            KeyStore k = KeyStore.getInstance("PKCS12");
            k.load(in, PASSWORD.toCharArray());
            return k.getKey("leaf", PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
