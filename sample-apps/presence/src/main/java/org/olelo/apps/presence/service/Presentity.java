package org.olelo.apps.presence.service;

import org.olelo.apps.presence.pidf.Pidf;
import org.olelo.apps.presence.pidf.PidfComposer;

import java.util.ArrayList;
import java.util.List;

/**
 * What the service holds of one presentity: its publications (oldest first), the composed document
 * (made once per change), and its subscriptions. Every method is called with the object's monitor
 * held ({@code synchronized (presentity)}); once {@link #retire retired} it is out of the map and
 * callers take a fresh one.
 */
final class Presentity {

    final String aor;
    final List<Publication> publications = new ArrayList<>();
    final List<Subscription> watchers = new ArrayList<>();
    final List<Subscription> winfo = new ArrayList<>();
    private String composed;
    private boolean retired;
    private boolean unsent;

    Presentity(String aor) {
        this.aor = aor;
    }

    /** @return the document every watcher gets now */
    String document() {
        if (composed == null) {
            List<Pidf> docs = new ArrayList<>(publications.size());
            publications.forEach(p -> docs.add(p.pidf()));
            composed = PidfComposer.compose(aor, docs);
        }
        return composed;
    }

    /** Forgets the composed document after a change of the publications. */
    void changed() {
        composed = null;
    }

    /** A change whose NOTIFYs are still to be sent ({@link #takeUnsent}). */
    void changedUnsent() {
        composed = null;
        unsent = true;
    }

    /** @return whether a change is still to be notified; clears it */
    boolean takeUnsent() {
        boolean u = unsent;
        unsent = false;
        return u;
    }

    Publication publication(String etag) {
        for (Publication p : publications) {
            if (p.etag().equals(etag)) {
                return p;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return publications.isEmpty() && watchers.isEmpty() && winfo.isEmpty() && !unsent;
    }

    boolean retired() {
        return retired;
    }

    void retire() {
        retired = true;
    }
}
