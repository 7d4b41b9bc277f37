package org.olelo.container.boot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.olelo.container.internal.acc.AccWriter;
import org.olelo.container.internal.acc.Accounting;
import org.olelo.container.internal.dialog.DialogCommands;
import org.olelo.container.internal.dialog.DialogTracker;
import org.olelo.container.internal.runtime.ContainerRuntime;
import org.olelo.container.internal.session.DialogObserver;

/**
 * The server's bookkeeping of calls, built at start from {@link CallSettings}: the dialog table,
 * always, and the accounting of proxied calls when {@code acc.enabled} (with a database). Both hear
 * of the sessions' dialog events through the session table. Started and closed by the boot thread.
 */
public final class CallTracking implements AutoCloseable {

    /** How long the accounting writer waits before trying a failed database again. */
    private static final long ACC_RETRY_MILLIS = 1_000;

    private final DialogTracker dialogs;
    private final DialogCommands commands;
    private final Accounting accounting;

    private CallTracking(DialogTracker dialogs, Accounting accounting, Clock clock) {
        this.dialogs = dialogs;
        this.commands = new DialogCommands(dialogs, clock);
        this.accounting = accounting;
    }

    /**
     * Builds the dialog table and the accounting, makes the session table tell them of every
     * dialog event, and registers their meters (groups {@code dialog} and {@code acc}).
     *
     * @param settings the {@code dialog.*} and {@code acc.*} configuration
     * @param rt       the container runtime (sessions, timers)
     * @param database the default database, or null for none (no accounting then)
     */
    static CallTracking start(CallSettings settings, ContainerRuntime rt, DataSource database) {
        Clock clock = Clock.systemUTC();
        DialogTracker dialogs = new DialogTracker(rt.timers(), settings.dialog(), clock);
        List<DialogObserver> observers = new ArrayList<>(List.of(dialogs));
        Accounting acc = null;
        if (settings.acc().enabled() && database != null) {
            acc = new Accounting(new AccWriter(database, settings.acc().queueSize(), ACC_RETRY_MILLIS), clock);
            observers.add(acc);
            dialogs.onEnd(acc);
        }
        rt.sessions().observeDialogs(DialogObserver.all(observers));
        dialogs.registerWith(rt.statistics().container());
        if (acc != null) {
            acc.registerWith(rt.statistics().container());
        }
        return new CallTracking(dialogs, acc, clock);
    }

    /** The dialog table. */
    public DialogTracker dialogs() {
        return dialogs;
    }

    /** The {@code dlg.*} management commands. */
    public DialogCommands dialogCommands() {
        return commands;
    }

    /** The accounting, or null when it is off. */
    public Accounting accounting() {
        return accounting;
    }

    /** Writes the accounting records still queued (waits at most 10 s). */
    @Override
    public void close() {
        if (accounting != null) {
            accounting.close();
        }
    }
}
