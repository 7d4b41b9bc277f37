package org.olelo.container.internal.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives a {@link SipTrace} from the {@code trace.*} configuration keys: at start, and again each
 * time the configuration file changes. It starts and stops only the traces the configuration
 * named, so traces started otherwise (a management call) are left alone, and it says what changed.
 *
 * <p>Threads: {@link #apply} is serialised on this object (the start thread, then the
 * configuration watcher).
 */
public final class ConfiguredTrace {

    private final SipTrace trace;
    private final Path dataDir;
    private final Set<TraceFilter> configured = new LinkedHashSet<>();
    private TraceSettings current = TraceSettings.NONE;

    /**
     * @param trace   the trace to drive
     * @param dataDir the data folder, where the trace file goes unless {@code trace.file} says otherwise
     */
    public ConfiguredTrace(SipTrace trace, Path dataDir) {
        this.trace = trace;
        this.dataDir = dataDir;
    }

    /** @return the settings last applied */
    public synchronized TraceSettings current() {
        return current;
    }

    /**
     * Makes the trace follow the settings: outputs first, then the traces named by
     * {@code trace.users} and {@code trace.calls} started, the ones no longer named stopped.
     *
     * @param s the settings
     * @return a one-line description of what changed, empty when nothing did
     */
    public synchronized String apply(TraceSettings s) {
        List<String> changes = new ArrayList<>();
        if (!s.fileIn(dataDir).equals(current.fileIn(dataDir))) {
            changes.add("trace.file=" + s.fileIn(dataDir));
        }
        if (!java.util.Objects.equals(s.hep(), current.hep()) || s.hepId() != current.hepId()) {
            changes.add("trace.hep.address=" + (s.hep() == null ? "(none)" : s.hep().getHostString() + ":" + s.hep().getPort())
                    + " trace.hep.id=" + s.hepId());
        }
        trace.output(s.fileIn(dataDir), s.hep(), s.hepId());
        Set<TraceFilter> wanted = new LinkedHashSet<>(s.filters());
        for (TraceFilter f : List.copyOf(configured)) {
            if (!wanted.contains(f)) {
                trace.stop(f);
                configured.remove(f);
                changes.add("stopped " + f);
            }
        }
        for (TraceFilter f : wanted) {
            if (configured.add(f)) {
                trace.start(f);
                changes.add("started " + f);
            }
        }
        current = s;
        return String.join(", ", changes);
    }
}
