package org.olelo.container.internal.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.olelo.core.CoreConfig;
import org.olelo.core.transport.ListenAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tls.self.signed=true}: for development, a TLS listening point without a configured
 * certificate gets a self-signed one, made once with the JDK's {@code keytool} into
 * {@code <data dir>/tls/self-signed.p12} (its password beside it, readable by the owner only) and
 * reused at later starts; every start that uses it says so in a WARN line. Clients do not trust such
 * a certificate unless told to. Runs once on the starting thread, before the listening points open;
 * may block for a few seconds while {@code keytool} runs.
 */
public final class SelfSignedTls {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedTls.class);
    /** The key that asks for it. */
    public static final String KEY = "tls.self.signed";

    private SelfSignedTls() {
    }

    /**
     * The core configuration to start with: unchanged unless {@code tls.self.signed=true}, a
     * {@code tls} or {@code wss} listening point is configured and neither {@code tls.certificate}
     * nor {@code tls.keystore} is set; then with {@code tls.keystore} and
     * {@code tls.keystore.password} naming the self-signed key store.
     *
     * @throws IOException when the value is not true or false, or the certificate cannot be made
     */
    public static CoreConfig apply(CoreConfig core, Path dataDir) throws IOException {
        Map<String, String> ext = core.extensions();
        String flag = ext.getOrDefault(KEY, "").trim();
        if (!flag.isEmpty() && !flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
            throw new IOException(KEY + ": expected true or false, not '" + flag + "'");
        }
        List<ListenAddress> secure = core.listen().stream()
                .filter(l -> l.transport().equals("TLS") || l.transport().equals("WSS")).toList();
        if (!flag.equalsIgnoreCase("true") || secure.isEmpty() || !blank(ext.get("tls.certificate"))
                || !blank(ext.get("tls.keystore"))) {
            return core;
        }
        Path dir = Files.createDirectories(dataDir.resolve("tls"));
        Path store = dir.resolve("self-signed.p12");
        Path passwordFile = dir.resolve("self-signed.password");
        Set<String> names = subjectNames(secure, core.aliases());
        if (!Files.exists(store) || !Files.exists(passwordFile)) {
            make(store, passwordFile, names);
            LOG.warn("tls.self.signed=true: made a self-signed certificate for {} in {}", String.join(", ", names), store);
        }
        LOG.warn("TLS uses the SELF-SIGNED certificate {} (tls.self.signed=true): clients will not trust it; for"
                + " development only, configure tls.certificate and tls.private.key for real use", store);
        Map<String, String> changed = new HashMap<>(ext);
        changed.put("tls.keystore", store.toString());
        changed.put("tls.keystore.password", Files.readString(passwordFile, StandardCharsets.US_ASCII).trim());
        return core.withExtensions(changed);
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    /** The names the certificate is valid for: the listening hosts (loopback for a wildcard) and the aliases. */
    static Set<String> subjectNames(List<ListenAddress> listen, Set<String> aliases) {
        Set<String> names = new LinkedHashSet<>();
        for (ListenAddress l : listen) {
            if (l.host().equals("0.0.0.0") || l.host().equals("::")) {
                names.add("127.0.0.1");
                names.add("localhost");
            } else {
                names.add(l.host());
            }
        }
        aliases.stream().sorted().forEach(names::add);
        names.removeIf(n -> !n.matches("[A-Za-z0-9.:-]{1,253}"));
        return names;
    }

    private static void make(Path store, Path passwordFile, Set<String> names) throws IOException {
        byte[] raw = new byte[18];
        new SecureRandom().nextBytes(raw);
        String password = HexFormat.of().formatHex(raw);
        Files.deleteIfExists(store);
        List<String> san = new ArrayList<>();
        for (String n : names) {
            san.add((n.indexOf(':') >= 0 || n.matches("[0-9.]+") ? "ip:" : "dns:") + n);
        }
        String cn = names.isEmpty() ? "localhost" : names.iterator().next();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "olelo", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn,
                "-validity", "825", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass:env", "OLELO_KS_PASS"));
        if (!san.isEmpty()) {
            cmd.addAll(List.of("-ext", "SAN=" + String.join(",", san)));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OLELO_KS_PASS", password);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(KEY + ": cannot run keytool of this Java (" + e.getMessage() + ")");
        }
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(KEY + ": keytool could not make the certificate: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(KEY + ": interrupted while keytool ran");
        }
        Files.writeString(passwordFile, password + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data folder's own permissions protect them
        }
    }
}
