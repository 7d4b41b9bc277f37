package org.olelo.container.internal.context;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Serves {@code ServletContext} resource paths ({@code /WEB-INF/sip.xml}, …) from
 * an application's root folder, refusing paths that climb out of it.
 * Immutable; any thread.
 */
final class ContextResources {

    private final Path root;

    ContextResources(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** @return the file for a context path, or null when the path is invalid or outside the root */
    Path resolve(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        Path p = root.resolve(path.substring(1)).normalize();
        return p.startsWith(root) ? p : null;
    }

    URL url(String path) throws MalformedURLException {
        if (path == null || !path.startsWith("/")) {
            throw new MalformedURLException("resource path must start with '/': " + path);
        }
        Path p = resolve(path);
        return p != null && Files.exists(p) ? p.toUri().toURL() : null;
    }

    InputStream open(String path) {
        Path p = resolve(path);
        if (p == null || !Files.isRegularFile(p)) {
            return null;
        }
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            return null;
        }
    }

    Set<String> list(String path) {
        Path dir = resolve(path);
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        Set<String> out = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> out.add(prefix + p.getFileName() + (Files.isDirectory(p) ? "/" : "")));
        } catch (IOException e) {
            return null;
        }
        return out;
    }
}
