package org.olelo.apps.presence.pidf;

import java.util.List;

/**
 * Writes watcher information documents (RFC 3858, {@code application/watcherinfo+xml}): always
 * the full state, one {@code watcher-list} for the presentity's {@code presence} package. Stateless.
 */
public final class WatcherInfoDocument {

    /** The media type of watcher information bodies. */
    public static final String CONTENT_TYPE = "application/watcherinfo+xml";

    /**
     * One watcher as RFC 3858 shows it.
     *
     * @param id     a stable identifier of the subscription
     * @param uri    the watcher's URI
     * @param status {@code pending}, {@code active}, {@code waiting} or {@code terminated}
     * @param event  what last happened: {@code subscribe}, {@code approved}, {@code rejected},
     *               {@code timeout}...
     */
    public record Watcher(String id, String uri, String status, String event) {
    }

    private WatcherInfoDocument() {
    }

    /**
     * @param version    the document version, counting from 0 for each winfo subscription
     * @param presentity the watched presentity's URI
     * @param watchers   its watchers
     * @return the document
     */
    public static String write(long version, String presentity, List<Watcher> watchers) {
        StringBuilder b = new StringBuilder(256 + 128 * watchers.size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<watcherinfo xmlns=\"urn:ietf:params:xml:ns:watcherinfo\" version=\"").append(version)
                .append("\" state=\"full\">\n<watcher-list resource=\"").append(Xml.escape(presentity))
                .append("\" package=\"presence\">\n");
        for (Watcher w : watchers) {
            b.append("<watcher id=\"").append(Xml.escape(w.id())).append("\" status=\"").append(w.status())
                    .append("\" event=\"").append(w.event()).append("\">").append(Xml.escape(w.uri()))
                    .append("</watcher>\n");
        }
        return b.append("</watcher-list>\n</watcherinfo>\n").toString();
    }
}
