package org.olelo.container.internal.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Deployment-time settings for an application without rebuilding its archive: a file
 * {@code <app-name>.properties} next to the archive in {@code deploy/apps/} overrides (or adds) the
 * context parameters of its sip.xml, as Kamailio's {@code modparam} sets a module's parameters from
 * the configuration. Read when the application is deployed; touch the archive to apply a change.
 */
final class ContextParamOverrides {

    private ContextParamOverrides() {
    }

    /**
     * @param declared the context parameters of the descriptor
     * @param file     the override file; absent means no override
     * @return the effective parameters
     * @throws DeploymentException naming the file when it cannot be read
     */
    static Map<String, String> apply(Map<String, String> declared, Path file) throws DeploymentException {
        if (!Files.isRegularFile(file)) {
            return declared;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new DeploymentException(file, 0, "cannot read context-parameter overrides: " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>(declared);
        for (String k : p.stringPropertyNames()) {
            out.put(k, p.getProperty(k).trim());
        }
        return out;
    }
}
