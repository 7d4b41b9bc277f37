package org.olelo.apps.media;

import java.net.SocketException;
import java.time.Duration;
import java.util.function.Consumer;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.media.ng.NgClient;
import org.olelo.apps.media.ng.NgFlags;
import org.olelo.apps.media.ng.NgInstances;

/**
 * The application's running state, published as the ServletContext attribute {@value #ATTRIBUTE}:
 * its settings and its rtpengine client. Made by {@link MediaRelayListener} at deployment, closed
 * at undeployment. Thread-safe.
 *
 * @param config the settings
 * @param engine the commands over the instances
 */
record MediaRuntime(MediaConfig config, RtpEngine engine) implements AutoCloseable {

    static final String ATTRIBUTE = "org.olelo.apps.media.runtime";

    /**
     * Parses the instances and flags and opens the control socket.
     *
     * @throws IllegalArgumentException for a bad instance list or flag
     * @throws SocketException          when no UDP socket can be opened
     */
    static MediaRuntime start(MediaConfig config, Statistics statistics, Consumer<String> log) throws SocketException {
        NgInstances instances = NgInstances.parse(config.instances());
        NgFlags flags = NgFlags.parse(config.flags());
        NgClient client = new NgClient(Duration.ofMillis(config.retransmitMillis()), config.tries());
        RtpEngine engine = new RtpEngine(instances, client, flags, new MediaMeters(statistics),
                config.disableSeconds() * 1000L, log, System::currentTimeMillis);
        return new MediaRuntime(config, engine);
    }

    @Override
    public void close() {
        engine.close();
    }
}
