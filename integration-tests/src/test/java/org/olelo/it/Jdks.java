package org.olelo.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java runtimes installed on this machine, as {@code bin/olelo} sees them: a JDK older than 21
 * to put first on the PATH, or a stand-in {@code java} that only reports version 17, and whether a
 * JDK 21+ sits in one of the folders the script searches.
 */
final class Jdks {

    /** The oldest feature release Olelo runs on. */
    static final int NEEDED = 21;

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");
    private static final List<Path> SEARCHED = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"),
            Path.of("/opt"), Path.of(System.getProperty("user.home"), ".sdkman"), Path.of(System.getProperty("user.home"), ".jdks"),
            Path.of("/Library/Java/JavaVirtualMachines"));

    private Jdks() {
    }

    /** @return the home of an installed JDK older than 21 (from its {@code release} file), if any */
    static Optional<Path> oldJdk() {
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvm)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")))
                    .filter(h -> feature(h) > 0 && feature(h) < NEEDED)
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param dir an empty folder
     * @return a folder {@code bin} holding a {@code java} to put first on the PATH: the old JDK's,
     *         or else a stand-in script that reports version 17 and fails at anything else
     */
    static Path oldJavaBin(Path dir) throws IOException {
        Optional<Path> old = oldJdk();
        if (old.isPresent()) {
            return old.get().resolve("bin");
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"17.0.2\" 2022-01-18' >&2\n"
                + "[ \"$1\" = -version ] && exit 0\necho 'Error: this stand-in is Java 17' >&2\nexit 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** @return true when the JVM running the tests is one that {@code bin/olelo} finds by searching */
    static boolean currentJdkIsInASearchedFolder() throws IOException {
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        return SEARCHED.stream().anyMatch(home::startsWith);
    }

    /** @return the feature release of the JDK at {@code home} from its release file, or 0 */
    static int feature(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
