package org.olelo.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.Merged;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Infinispan's view changes, logs each one (a member joining or leaving is worth a line
 * for an operator) and hands it to the registered listeners. Public only because Infinispan
 * calls its annotated method by reflection.
 *
 * <p>Runs on Infinispan's notification thread (never a SIP thread); a listener that throws is
 * logged and does not stop the others.
 */
@Listener(sync = false)
public final class ViewWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterService.class);

    private final List<Consumer<ClusterView>> listeners = new CopyOnWriteArrayList<>();

    ViewWatcher() {
    }

    Runnable add(Consumer<ClusterView> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Called by Infinispan when the view changes.
     *
     * @param e the change
     */
    @ViewChanged
    @Merged
    public void viewChanged(ViewChangedEvent e) {
        List<String> now = names(e.getNewMembers());
        List<String> before = names(e.getOldMembers());
        List<String> joined = new ArrayList<>(now);
        joined.removeAll(before);
        List<String> left = new ArrayList<>(before);
        left.removeAll(now);
        ClusterView view = new ClusterView(now, joined, left, now.isEmpty() ? null : now.get(0), e.isMergeView());
        LOG.info("cluster view {}: {} member(s) {}{}{}", e.getViewId(), now.size(), now,
                joined.isEmpty() ? "" : ", joined " + joined, left.isEmpty() ? "" : ", left " + left);
        for (Consumer<ClusterView> l : listeners) {
            try {
                l.accept(view);
            } catch (RuntimeException ex) {
                LOG.warn("a cluster view listener failed", ex);
            }
        }
    }

    static List<String> names(List<Address> addresses) {
        List<String> out = new ArrayList<>(addresses.size());
        for (Address a : addresses) {
            out.add(a.toString());
        }
        return out;
    }
}
