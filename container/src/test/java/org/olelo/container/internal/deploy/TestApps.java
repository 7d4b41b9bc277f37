package org.olelo.container.internal.deploy;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds real test applications on disk: Java sources compiled with the JDK
 * compiler into {@code WEB-INF/classes}, a sip.xml, extra files, and optionally a
 * zip archive of the whole. Test thread only.
 */
public final class TestApps {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** @return a new, empty application */
    public static TestApps app() {
        return new TestApps();
    }

    /**
     * @param className fully qualified class name
     * @param code      its Java source
     * @return this
     */
    public TestApps java(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** @return this, with {@code WEB-INF/sip.xml} holding {@code xml} */
    public TestApps sipXml(String xml) {
        return file("WEB-INF/sip.xml", xml);
    }

    /** @return this, with a file at {@code path} (relative to the app root) */
    public TestApps file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Writes the application as an exploded folder.
     *
     * @param root the folder to create
     * @return {@code root}
     */
    public Path writeFolder(Path root) {
        return write(root, root.resolve("WEB-INF/classes"));
    }

    /** Writes the files under {@code root} and compiles the sources into {@code classes}. */
    private Path write(Path root, Path classes) {
        try {
            Files.createDirectories(classes);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = root.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            if (!sources.isEmpty()) {
                compile(classes);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the application as a zip archive, built in a scratch folder next to it.
     *
     * @param archive the archive to create ({@code x.sar} or {@code x.war})
     * @param scratch an empty folder for the exploded form
     * @return {@code archive}
     */
    public Path writeArchive(Path archive, Path scratch) {
        writeFolder(scratch);
        zip(scratch, archive);
        return archive;
    }

    /**
     * Writes the classes and files as a plain jar, as a library is packaged: classes at the root,
     * the files at their paths (e.g. {@code META-INF/services/...}).
     *
     * @param jar     the jar to create
     * @param scratch an empty folder for its exploded form
     * @return {@code jar}
     */
    public Path writeJar(Path jar, Path scratch) {
        write(scratch, scratch);
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        zip(scratch, jar);
        return jar;
    }

    /** Zips a folder into an archive, replacing it atomically if it exists. */
    public static void zip(Path folder, Path archive) {
        try {
            Path tmp = archive.resolveSibling("." + archive.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out);
                 Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted().toList()) {
                    String rel = folder.relativize(p).toString().replace('\\', '/');
                    if (rel.isEmpty()) {
                        continue;
                    }
                    if (Files.isDirectory(p)) {
                        zip.putNextEntry(new ZipEntry(rel + "/"));
                    } else {
                        zip.putNextEntry(new ZipEntry(rel));
                        Files.copy(p, zip);
                    }
                    zip.closeEntry();
                }
            }
            Files.move(tmp, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path classes) throws IOException {
        Path src = Files.createTempDirectory("olelo-src");
        List<Path> paths = new ArrayList<>();
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path p = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(p.getParent());
            Files.writeString(p, s.getValue());
            paths.add(p);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath", apiClassPath(), "--release", "21",
                    "-proc:none");
            boolean ok = javac.getTask(diagnostics, fm, null, options, null, fm.getJavaFileObjectsFromPaths(paths)).call();
            if (!ok) {
                throw new IllegalStateException("test app does not compile:\n" + diagnostics);
            }
        }
    }

    /** @return the class path holding the APIs an application compiles against (and nothing of the container) */
    public static String apiClassPath() {
        return Stream.of(jakarta.servlet.sip.SipServlet.class, jakarta.servlet.Servlet.class,
                        jakarta.inject.Inject.class, jakarta.enterprise.context.ApplicationScoped.class,
                        jakarta.annotation.PostConstruct.class, jakarta.interceptor.Interceptor.class,
                        jakarta.enterprise.concurrent.ManagedExecutorService.class,
                        org.olelo.api.stats.Statistics.class, org.olelo.api.rpc.RpcCommands.class,
                        org.slf4j.Logger.class)
                .map(TestApps::location).distinct().collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
