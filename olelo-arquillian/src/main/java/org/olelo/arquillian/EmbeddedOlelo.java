package org.olelo.arquillian;

import java.nio.file.Path;
import java.util.Map;
import org.olelo.container.boot.ConfigLoader;
import org.olelo.container.boot.OleloServer;

/**
 * Olelo in the test's JVM ({@code org.olelo:container} on the test class path), configured through
 * the same loader as the command line but without the environment's {@code OLELO_*} variables.
 */
final class EmbeddedOlelo implements OleloRuntime {

    private OleloServer server;

    @Override
    public void start(Path deploy, Map<String, String> settings) throws Exception {
        ConfigLoader loader = new ConfigLoader(Map.of()).deployDir(deploy.toString());
        for (Map.Entry<String, String> s : settings.entrySet()) {
            loader.flag("--set", s.getKey(), s.getValue());
        }
        server = OleloServer.start(loader.load().config());
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
