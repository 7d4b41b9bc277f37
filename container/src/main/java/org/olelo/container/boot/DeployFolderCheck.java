package org.olelo.container.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start, in one WARN line, what a server started from the wrong folder would otherwise
 * hide: a deploy folder that does not exist (it is not created: the server would run with no
 * application and no routing), or an {@code apps/} folder without any application in it.
 *
 * <p>Runs once on the starting thread; reads the folder listing only.
 */
final class DeployFolderCheck {

    private static final Logger LOG = LoggerFactory.getLogger(DeployFolderCheck.class);

    private DeployFolderCheck() {
    }

    /**
     * @param config the configuration the server starts with
     * @return the warning logged, or null when the deploy folder holds at least one application
     */
    static String run(ServerConfig config) {
        String w = problem(config.deployDir(), config.appsDir());
        if (w != null) {
            LOG.warn(w);
        }
        return w;
    }

    static String problem(Path deploy, Path apps) {
        if (!Files.isDirectory(deploy)) {
            return "Deploy folder " + deploy.toAbsolutePath() + " does not exist: no application is deployed and no"
                    + " routing is read; start from the folder that holds deploy/, or name it with --deploy-dir DIR";
        }
        if (!hasApplication(apps)) {
            return "No application in " + apps.toAbsolutePath() + " (expected .sar or .war archives or application"
                    + " folders): every request will be answered 404 or 403; build the samples (mvn -B -DskipTests"
                    + " package) or copy an application there";
        }
        return null;
    }

    private static boolean hasApplication(Path apps) {
        if (!Files.isDirectory(apps)) {
            return false;
        }
        try (Stream<Path> list = Files.list(apps)) {
            return list.anyMatch(p -> {
                String n = p.getFileName().toString();
                String lower = n.toLowerCase(Locale.ROOT);
                return !n.startsWith(".") && (Files.isDirectory(p) || lower.endsWith(".sar") || lower.endsWith(".war"));
            });
        } catch (IOException e) {
            return false;
        }
    }
}
