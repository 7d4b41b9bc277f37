package org.olelo.container.boot;

import java.nio.file.Path;
import java.util.Objects;
import org.olelo.container.internal.router.FileFingerprint;
import org.olelo.container.internal.trace.ConfiguredTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices changes of the configuration file while the server runs and applies the keys that may
 * change without a restart: the {@code trace.*} keys. The whole configuration is loaded again the
 * way it was at start (file, environment, command line, in that rising precedence), so a key the
 * command line or the environment sets keeps that value. What changed is logged; a file that
 * cannot be used is reported and changes nothing; changes of other keys are reported as waiting
 * for the next start.
 *
 * <p>Threads: {@link #checkIfChanged} runs on the server's watch thread, about once per
 * {@code deploy.poll.millis}.
 */
public final class ConfigWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

    /** Loads the configuration again from the places it came from at start. */
    @FunctionalInterface
    public interface Reload {
        /**
         * @return the configuration as the sources give it now
         * @throws ConfigException when a value cannot be used
         */
        ServerConfig load() throws ConfigException;
    }

    private final Path file;
    private final Reload reload;
    private final ServerConfig running;
    private final ConfiguredTrace trace;
    private Object lastSeen;
    private boolean restartReported;

    /**
     * @param file    the configuration file (it may not exist yet)
     * @param reload  how to load the configuration again
     * @param running the configuration the server started with
     * @param trace   where the {@code trace.*} keys are applied
     */
    ConfigWatcher(Path file, Reload reload, ServerConfig running, ConfiguredTrace trace) {
        this.file = file;
        this.reload = reload;
        this.running = running;
        this.trace = trace;
        this.lastSeen = fingerprint();
    }

    /** @return the file watched */
    public Path file() {
        return file;
    }

    /**
     * Loads and applies the configuration when the file's size, time or identity changed.
     *
     * @return whether new settings were applied
     */
    public synchronized boolean checkIfChanged() {
        Object seen = fingerprint();
        if (Objects.equals(seen, lastSeen)) {
            return false;
        }
        lastSeen = seen;
        ServerConfig next;
        try {
            next = reload.load();
        } catch (ConfigException | RuntimeException e) {
            LOG.warn("Configuration file {} changed but cannot be used: {}; the trace settings stay as they were", file,
                    e.getMessage());
            return false;
        }
        String what = trace.apply(next.log().trace());
        LOG.info("Configuration file {} changed: {}", file, what.isEmpty() ? "no trace.* setting changed" : what);
        boolean othersChanged = !next.withLog(next.log().withTrace(running.log().trace())).equals(running);
        if (othersChanged && !restartReported) {
            LOG.info("Configuration file {}: settings other than trace.* take effect at the next start", file);
        }
        restartReported = othersChanged;
        return true;
    }

    private Object fingerprint() {
        return FileFingerprint.of(file);
    }
}
