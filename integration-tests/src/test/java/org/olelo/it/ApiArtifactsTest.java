package org.olelo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an application developer gets from {@code mvn install}: the project's API modules and BOM
 * are installed (with sources and javadoc jars for the APIs) and an application that imports the
 * BOM and depends on the APIs with scope {@code provided} builds into a {@code .war} from that
 * repository, outside the reactor.
 *
 * <p>Runs Maven twice, both times with a local repository in a temporary folder (never the
 * user's): first {@code install} on a copy of the parent, the BOM and the two API modules, then
 * {@code package} on a small application. Plugins and third-party libraries are read from the
 * local repository of the build running this test, given to Maven as a read-only file repository
 * that comes before Maven Central (which is only asked for what that one lacks, so the test runs
 * offline after a full build); that repository holds no Olelo artifact, so the application's
 * Olelo dependencies can only come from what the first run installed.
 */
class ApiArtifactsTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    @TempDir
    Path tmp;

    @Test
    void theApisAndTheBomInstallAndAnApplicationBuildsAgainstThemAlone() throws Exception {
        Path root = Path.of(System.getProperty("olelo.root.dir", "..")).toAbsolutePath().normalize();
        Path mvn = Path.of(System.getProperty("olelo.maven.home", "/usr/share/maven"), "bin", "mvn");
        Path userRepo = Path.of(System.getProperty("olelo.maven.repo",
                System.getProperty("user.home") + "/.m2/repository"));
        assumeTrue(Files.isExecutable(mvn) || System.getenv("CI") != null, "no Maven at " + mvn);
        assertFalse(Files.exists(userRepo.resolve("org/olelo/sip-servlet-api")),
                "the build's own repository must not hold Olelo's API, or this test proves nothing");

        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, """
                <settings><profiles><profile><id>build-repository</id>
                  <repositories><repository><id>build-repository</id><url>%1$s</url></repository></repositories>
                  <pluginRepositories><pluginRepository><id>build-repository</id><url>%1$s</url></pluginRepository></pluginRepositories>
                </profile></profiles><activeProfiles><activeProfile>build-repository</activeProfile></activeProfiles></settings>
                """.formatted(userRepo.toUri()));

        Path project = copyApiModules(root, tmp.resolve("olelo"));
        run(mvn, settings, repo, project, "install", "-DskipTests");
        Path olelo = repo.resolve("org/olelo");
        for (String api : List.of("sip-servlet-api", "olelo-api")) {
            for (String suffix : List.of(".jar", ".pom", "-sources.jar", "-javadoc.jar")) {
                Path f = olelo.resolve(api + "/" + VERSION + "/" + api + "-" + VERSION + suffix);
                assertTrue(Files.isRegularFile(f), "installed: " + f);
            }
        }
        assertTrue(Files.isRegularFile(olelo.resolve("olelo-bom/" + VERSION + "/olelo-bom-" + VERSION + ".pom")));

        Path app = writeApplication(tmp.resolve("app"));
        run(mvn, settings, repo, app, "package");
        Path war = app.resolve("target/hello.war");
        try (ZipFile z = new ZipFile(war.toFile())) {
            assertTrue(z.getEntry("WEB-INF/classes/hello/Hello.class") != null, "the servlet is in the war");
            assertTrue(z.getEntry("WEB-INF/classes/hello/Call.class") != null, "the bean is in the war");
            List<String> libs = z.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/")).toList();
            assertEquals(List.of(), libs, "provided APIs are not packaged");
        }
    }

    /** Copies the parent POM (with only the BOM and API modules) and those modules' sources. */
    private static Path copyApiModules(Path root, Path to) throws IOException {
        Files.createDirectories(to);
        String parent = Files.readString(root.resolve("pom.xml")).replaceAll("(?s)<modules>.*?</modules>",
                "<modules><module>olelo-bom</module><module>sip-servlet-api</module><module>olelo-api</module></modules>");
        Files.writeString(to.resolve("pom.xml"), parent);
        for (String module : Set.of("olelo-bom", "sip-servlet-api", "olelo-api")) {
            Path from = root.resolve(module);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path rel = from.relativize(f);
                    if (rel.toString().equals("pom.xml") || rel.startsWith("src")) {
                        Path target = to.resolve(module).resolve(rel);
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target);
                    }
                }
            }
        }
        return to;
    }

    /** A SIP servlet application as its README section tells one to write it. */
    private static Path writeApplication(Path app) throws IOException {
        Path src = Files.createDirectories(app.resolve("src/main/java/hello"));
        Files.writeString(app.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>hello</artifactId>
                  <version>1.0</version>
                  <packaging>war</packaging>
                  <properties>
                    <maven.compiler.release>21</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.olelo</groupId>
                        <artifactId>olelo-bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency><groupId>org.olelo</groupId><artifactId>sip-servlet-api</artifactId><scope>provided</scope></dependency>
                    <dependency><groupId>org.olelo</groupId><artifactId>olelo-api</artifactId><scope>provided</scope></dependency>
                    <dependency><groupId>jakarta.servlet</groupId><artifactId>jakarta.servlet-api</artifactId><scope>provided</scope></dependency>
                    <dependency><groupId>jakarta.enterprise</groupId><artifactId>jakarta.enterprise.cdi-api</artifactId><scope>provided</scope></dependency>
                    <dependency><groupId>jakarta.inject</groupId><artifactId>jakarta.inject-api</artifactId><scope>provided</scope></dependency>
                  </dependencies>
                  <build>
                    <finalName>hello</finalName>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
                        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version></plugin>
                        <plugin><artifactId>maven-war-plugin</artifactId><version>3.4.0</version></plugin>
                      </plugins>
                    </pluginManagement>
                  </build>
                </project>
                """.formatted(VERSION));
        Files.writeString(src.resolve("Call.java"), """
                package hello;
                @jakarta.servlet.sip.annotation.SipApplicationSessionScoped
                public class Call implements java.io.Serializable {
                    private int messages;
                    public int next() { return ++messages; }
                }
                """);
        Files.writeString(src.resolve("Hello.java"), """
                package hello;
                import jakarta.inject.Inject;
                import jakarta.servlet.sip.SipServlet;
                import jakarta.servlet.sip.SipServletRequest;
                import java.io.IOException;
                @jakarta.servlet.sip.annotation.SipServlet(name = "hello")
                public class Hello extends SipServlet {
                    @Inject Call call;
                    @Override protected void doMessage(SipServletRequest req) throws IOException {
                        req.createResponse(200, "message " + call.next()).send();
                    }
                }
                """);
        return app;
    }

    private static void run(Path mvn, Path settings, Path repo, Path dir, String... goals)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo));
        cmd.addAll(List.of(goals));
        Path log = dir.resolve("maven.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " in " + dir + " took too long");
        }
        assertEquals(0, p.exitValue(), () -> "mvn " + String.join(" ", goals) + " in " + dir + " failed:\n"
                + readQuietly(log));
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
