package org.olelo.container.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.container.internal.db.ChildJvm;
import org.olelo.container.internal.db.DatabaseService;
import org.olelo.container.internal.db.DatabaseSettings;
import org.olelo.container.internal.db.Subscriber;
import org.olelo.container.internal.db.SubscriberStore;

/** {@code olelo subscriber add|list|remove|passwd} against a temporary data folder. */
class SubscriberCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int olelo(String... args) {
        return olelo(new PasswordInput(null, new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_8), args);
    }

    private int olelo(PasswordInput passwords, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--data-dir", dir.resolve("data").toString(), "--deploy-dir",
            dir.resolve("deploy").toString()}, 0, all, args.length, 4);
        return Main.run(all, Map.of(), c -> {
            throw new AssertionError("the server must not start");
        }, new PrintWriter(out, true), new PrintWriter(err, true), passwords);
    }

    private static PasswordInput stdin(String text) {
        return new PasswordInput(null, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** A terminal on which the user types these answers, one per prompt; records the prompts. */
    private static PasswordInput terminal(List<String> prompts, String... answers) {
        Iterator<String> typed = List.of(answers).iterator();
        return new PasswordInput(prompt -> {
            prompts.add(prompt);
            return typed.hasNext() ? typed.next().toCharArray() : null;
        }, new ByteArrayInputStream(new byte[0]), StandardCharsets.UTF_8);
    }

    private Subscriber stored(String user, String domain) throws Exception {
        try (DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), dir.resolve("data"))) {
            return new SubscriberStore(db.defaultPool()).find(user, domain).orElse(null);
        }
    }

    private static String hex(String alg, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void addListPasswdRemove() throws Exception {
        assertEquals(0, olelo("subscriber", "add", "bob@127.0.0.1", "--password", "s3cret", "--roles", "a,b"), err.toString());
        assertEquals("added bob@127.0.0.1 roles=a,b", out.toString().trim());
        Subscriber bob = stored("bob", "127.0.0.1");
        assertEquals(hex("MD5", "bob:127.0.0.1:s3cret"), bob.ha1Md5(), "HA1 with realm = domain");
        assertEquals(hex("SHA-256", "bob:127.0.0.1:s3cret"), bob.ha1Sha256());
        assertEquals(List.of("a", "b"), bob.roles());

        assertEquals(1, olelo("subscriber", "add", "bob@127.0.0.1", "--password", "other"));
        assertTrue(err.toString().contains("already exists"), err.toString());

        assertEquals(0, olelo("--set", "db.pool.size=3", "subscriber", "add", "sip:alice@Example.COM", "--password", "pw"));
        assertEquals(0, olelo("subscriber", "list"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("bob@127.0.0.1 roles=a,b created="), lines.get(0));
        assertTrue(lines.get(1).startsWith("alice@example.com roles= created="), lines.get(1));

        assertEquals(0, olelo("subscriber", "passwd", "bob@127.0.0.1", "--password", "n3w"), err.toString());
        assertEquals(hex("SHA-256", "bob:127.0.0.1:n3w"), stored("bob", "127.0.0.1").ha1Sha256());
        assertEquals(List.of("a", "b"), stored("bob", "127.0.0.1").roles(), "passwd keeps the roles");
        assertEquals(1, olelo("subscriber", "passwd", "nobody@127.0.0.1", "--password", "x"));

        assertEquals(0, olelo("subscriber", "remove", "bob@127.0.0.1"));
        assertEquals(null, stored("bob", "127.0.0.1"));
        assertEquals(1, olelo("subscriber", "remove", "bob@127.0.0.1"));
        assertTrue(err.toString().contains("no subscriber bob@127.0.0.1"), err.toString());
    }

    @Test
    void badInputIsAUsageErrorAndPasswordsAreNeverPrinted() {
        assertEquals(Main.CONFIG_ERROR, olelo("subscriber", "add", "nodomain", "--password", "s3cret"));
        assertTrue(err.toString().contains("expected user@domain"), err.toString());
        assertEquals(Main.CONFIG_ERROR, olelo("subscriber", "add", "bob@example.com:5060", "--password", "s3cret"),
                "a port is not part of the domain (the realm)");
        assertEquals(Main.CONFIG_ERROR, olelo("subscriber", "add", "bob@127.0.0.1"), "--password is required");
        assertEquals(Main.CONFIG_ERROR, olelo("subscriber", "add", "bob@127.0.0.1", "--password", "s3cret",
                "--roles", "a b"));
        assertEquals(Main.CONFIG_ERROR, olelo("--set", "db.pool.size=0", "subscriber", "list"));
        assertTrue(err.toString().contains("db.pool.size"), err.toString());
        assertEquals(0, olelo("subscriber", "add", "carol@127.0.0.1", "--password", "s3cret"));
        assertFalse(out.toString().contains("s3cret") || err.toString().contains("s3cret"));
    }

    @Test
    void anEmptyPasswordIsRefusedOnOneLine() throws Exception {
        assertEquals(Main.CONFIG_ERROR, olelo("subscriber", "add", "bob@127.0.0.1", "--password"),
                "a bare --password with nothing on standard input");
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("olelo: subscriber: --password: expected a password but found an empty one"),
                err.toString());
        assertEquals(Main.CONFIG_ERROR, olelo("subscriber", "add", "bob@127.0.0.1", "--password", ""));
        assertEquals(Main.CONFIG_ERROR, olelo(stdin("\n"), "subscriber", "add", "bob@127.0.0.1", "--password"));
        assertEquals(Main.CONFIG_ERROR, olelo(terminal(new ArrayList<>(), ""), "subscriber", "add", "bob@127.0.0.1",
                "--password"), "nothing typed");
        assertEquals(null, stored("bob", "127.0.0.1"));
        assertEquals(0, olelo("subscriber", "add", "bob@127.0.0.1", "--password", "s3cret"));
        assertEquals(Main.CONFIG_ERROR, olelo("subscriber", "passwd", "bob@127.0.0.1", "--password", ""));
        assertEquals(hex("MD5", "bob:127.0.0.1:s3cret"), stored("bob", "127.0.0.1").ha1Md5(), "unchanged");
    }

    @Test
    void aBarePasswordIsReadAsOneLineOfStandardInput() throws Exception {
        assertEquals(0, olelo(stdin("s3cret\nignored\n"), "subscriber", "add", "bob@127.0.0.1", "--password",
                "--roles", "a"), err.toString());
        assertEquals(hex("MD5", "bob:127.0.0.1:s3cret"), stored("bob", "127.0.0.1").ha1Md5());
        assertEquals(List.of("a"), stored("bob", "127.0.0.1").roles(), "--roles is not taken for the password");
        assertEquals(0, olelo(stdin("n3w\r\n"), "subscriber", "passwd", "bob@127.0.0.1", "--password"), err.toString());
        assertEquals(hex("MD5", "bob:127.0.0.1:n3w"), stored("bob", "127.0.0.1").ha1Md5());
    }

    @Test
    void onATerminalThePasswordIsTypedTwiceAndMustMatch() throws Exception {
        List<String> prompts = new ArrayList<>();
        assertEquals(Main.CONFIG_ERROR, olelo(terminal(prompts, "s3cret", "s3cert"), "subscriber", "add",
                "bob@127.0.0.1", "--password"));
        assertEquals("olelo: subscriber: the two passwords differ; nothing changed", err.toString().trim());
        assertEquals(List.of("Password for bob@127.0.0.1: ", "Again: "), prompts);
        assertEquals(null, stored("bob", "127.0.0.1"));

        assertEquals(0, olelo(terminal(prompts, "s3cret", "s3cret"), "subscriber", "add", "bob@127.0.0.1", "--password"));
        assertEquals(hex("SHA-256", "bob:127.0.0.1:s3cret"), stored("bob", "127.0.0.1").ha1Sha256());
        assertFalse(out.toString().contains("s3cret") || err.toString().contains("s3cret"));
    }

    @Test
    void aPipedPasswordReachesAnotherProcess() throws Exception {
        Process p = ChildJvm.start(Main.class, "subscriber", "add", "carol@127.0.0.1", "--password",
                "--data-dir", dir.resolve("data").toString(), "--deploy-dir", dir.resolve("deploy").toString());
        try (OutputStream in = p.getOutputStream()) {
            in.write("pipedpw\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertEquals("added carol@127.0.0.1", output.trim());
        assertEquals(hex("MD5", "carol:127.0.0.1:pipedpw"), stored("carol", "127.0.0.1").ha1Md5());
    }
}
