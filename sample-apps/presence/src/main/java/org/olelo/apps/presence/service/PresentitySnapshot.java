package org.olelo.apps.presence.service;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator sees of a presentity: its URI, the basic status of its composed state, and its
 * publications (entity tag, seconds left, sender, basic status).
 */
public record PresentitySnapshot(String aor, String basic, List<Entry> publications, int watchers) {

    /** One publication. */
    public record Entry(String etag, long expires, String sender, String basic) {
    }

    static PresentitySnapshot of(Presentity p, long now) {
        List<Entry> entries = new ArrayList<>(p.publications.size());
        String basic = "closed";
        for (Publication pub : p.publications) {
            String b = pub.pidf().basic();
            if ("open".equals(b)) {
                basic = "open";
            }
            entries.add(new Entry(pub.etag(), Math.max(0, (pub.expiresAt() - now) / 1000), pub.sender(), b));
        }
        return new PresentitySnapshot(p.aor, basic, List.copyOf(entries), p.watchers.size());
    }
}
