package org.olelo.container.internal.deploy;

import org.olelo.container.internal.cdi.BeanClassFilter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The classes of an application worth loading at deployment, found by reading
 * the class files of {@code WEB-INF/classes} and {@code WEB-INF/lib/*.jar}
 * without loading them: those carrying a SIP Servlet annotation, and those that
 * may be CDI beans. Everything else is left to lazy loading. Built on the
 * deployer thread; immutable afterwards.
 *
 * @param sipAnnotated   classes mentioning {@code jakarta.servlet.sip.annotation.Sip*}
 * @param beanCandidates classes that may be CDI beans (see {@link BeanClassFilter})
 * @param webAnnotated   classes mentioning {@code jakarta.servlet.annotation.Web*} (HTTP servlets,
 *                       filters and listeners)
 */
record AppClassIndex(List<String> sipAnnotated, List<String> beanCandidates, List<String> webAnnotated) {

    private static final String SIP_ANNOTATION = "Ljakarta/servlet/sip/annotation/Sip";
    private static final String WEB_ANNOTATION = "Ljakarta/servlet/annotation/Web";

    /** Reads the class files under an application root. */
    static AppClassIndex scan(Path root) throws IOException {
        List<String> sip = new ArrayList<>();
        List<String> web = new ArrayList<>();
        Set<String> beans = new LinkedHashSet<>();
        Set<String> stereotypes = new HashSet<>();
        Set<String> seen = new HashSet<>();
        forEachClass(root, (name, bytes) -> {
            if (!seen.add(name)) {
                return;
            }
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            if (latin.contains(SIP_ANNOTATION)) {
                sip.add(name);
            }
            if (latin.contains(WEB_ANNOTATION)) {
                web.add(name);
            }
            if (!name.endsWith("package-info") && BeanClassFilter.mentionsCdi(bytes)) {
                beans.add(name);
                String st = BeanClassFilter.stereotypeDescriptor(name.replace('.', '/'), bytes);
                if (st != null) {
                    stereotypes.add(st);
                }
            }
        });
        if (!stereotypes.isEmpty()) {
            forEachClass(root, (name, bytes) -> {
                if (!name.endsWith("package-info") && BeanClassFilter.mentionsAny(bytes, stereotypes)) {
                    beans.add(name);
                }
            });
        }
        return new AppClassIndex(List.copyOf(sip), List.copyOf(beans), List.copyOf(web));
    }

    /** Receives one class file. */
    private interface ClassVisitor {
        void visit(String className, byte[] bytes);
    }

    private static void forEachClass(Path root, ClassVisitor v) throws IOException {
        Path classes = root.resolve("WEB-INF/classes");
        if (Files.isDirectory(classes)) {
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String rel = classes.relativize(p).toString().replace('\\', '/');
                    if (!rel.startsWith("META-INF/")) {
                        v.visit(className(rel), Files.readAllBytes(p));
                    }
                }
            }
        }
        Path lib = root.resolve("WEB-INF/lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    visitJar(jar, v);
                }
            }
        }
    }

    private static void visitJar(Path jar, ClassVisitor v) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                if (e.isDirectory() || !n.endsWith(".class") || n.startsWith("META-INF/") || n.endsWith("module-info.class")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    v.visit(className(n), in.readAllBytes());
                }
            }
        }
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
