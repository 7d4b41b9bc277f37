package org.olelo.arquillian;

import java.nio.file.Path;
import java.util.Map;

/**
 * A running Olelo for the adapter: embedded in the test's JVM or a process of its own. Both are
 * configured with the same keys as {@code --set KEY=VALUE} on the command line.
 */
interface OleloRuntime extends AutoCloseable {

    /**
     * Starts the server and returns once it is ready.
     *
     * @param deploy   its deploy folder
     * @param settings configuration keys and values ({@code listen}, {@code data.dir}, {@code http.listen}...)
     */
    void start(Path deploy, Map<String, String> settings) throws Exception;

    /** Stops the server; nothing is left running. */
    @Override
    void close();
}
