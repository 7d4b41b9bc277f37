package org.olelo.container.flows;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the test messages kept in the repository are ({@code container/src/test/testdata}, see its
 * README): the module folder, which is the working directory of the build's test runs.
 */
final class TestData {

    private static final Path ROOT = Path.of("src", "test", "testdata");

    private TestData() {
    }

    /**
     * @param first the folder under the test data, e.g. {@code rfc4475}
     * @param more  further path elements
     * @return the path, checked to exist so that a missing file fails with its name
     */
    static Path path(String first, String... more) {
        Path p = ROOT.resolve(Path.of(first, more));
        if (!Files.exists(p)) {
            throw new IllegalStateException("test data missing: " + p.toAbsolutePath());
        }
        return p;
    }
}
