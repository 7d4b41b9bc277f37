package org.olelo.container.internal;

import jakarta.servlet.sip.Flow;
import jakarta.servlet.sip.FlowFailedEvent;
import jakarta.servlet.sip.FlowListener;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the applications' {@link FlowListener}s that a flow failed (RFC 5626 §4.4: its connection
 * ended). Every deployed application's newest version is told, as a flow carries requests of any
 * of them; each listener runs on a virtual thread of its own, inside its application's class
 * loader, so that a listener that blocks (a registrar removing bindings from its database) holds
 * neither the connection's reader nor the other applications.
 *
 * <p>Called on the thread that closed the connection; returns at once.
 */
final class FlowFailures {

    private static final Logger LOG = LoggerFactory.getLogger(FlowFailures.class);

    private final Supplier<? extends Iterable<DeployedAppContext>> apps;
    private final Executor threads;

    FlowFailures(Supplier<? extends Iterable<DeployedAppContext>> apps, Executor threads) {
        this.apps = apps;
        this.threads = threads;
    }

    void failed(Flow flow) {
        FlowFailedEvent event = new FlowFailedEvent(flow);
        for (DeployedAppContext app : apps.get()) {
            List<FlowListener> listeners = app.listeners(FlowListener.class);
            for (FlowListener l : listeners) {
                threads.execute(() -> app.runInContext(() -> {
                    try {
                        l.flowFailed(event);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: FlowListener {} failed on the flow to {}", app.name(), l.getClass().getName(),
                                flow.getRemoteURI(), e);
                    }
                }));
            }
        }
    }
}
