package org.olelo.apps.presence.service;

/**
 * One subscription (RFC 6665) to a presentity's {@code presence} or {@code presence.winfo}. Mutable;
 * every change happens under the lock of its {@link Presentity}.
 */
public final class Subscription {

    private final String id;
    private final String presentity;
    private final String watcher;
    private final String event;
    private final String callId;
    private final long createdAt;
    private final NotifyChannel channel;
    private Status status;
    private long expiresAt;
    private boolean ending;
    private String lastEvent = "subscribe";
    private long version;

    /**
     * @param id         stable identifier (the SIP session's id)
     * @param presentity the watched presentity, {@code sip:user@host}
     * @param watcher    who watches, {@code sip:user@host}
     * @param event      {@code presence} or {@code presence.winfo}
     * @param callId     the dialog's Call-ID, for operators
     * @param createdAt  epoch milliseconds
     * @param channel    where NOTIFYs go; null for a subscription restored from the database after a
     *                   restart, whose dialog this process cannot reach
     */
    public Subscription(String id, String presentity, String watcher, String event, String callId, long createdAt,
                        NotifyChannel channel) {
        this.id = id;
        this.presentity = presentity;
        this.watcher = watcher;
        this.event = event;
        this.callId = callId;
        this.createdAt = createdAt;
        this.channel = channel;
    }

    public String id() {
        return id;
    }

    public String presentity() {
        return presentity;
    }

    public String watcher() {
        return watcher;
    }

    public String event() {
        return event;
    }

    public String callId() {
        return callId;
    }

    public long createdAt() {
        return createdAt;
    }

    /** @return where NOTIFYs go, or null when restored after a restart */
    public NotifyChannel channel() {
        return channel;
    }

    public Status status() {
        return status;
    }

    void status(Status s) {
        status = s;
    }

    public long expiresAt() {
        return expiresAt;
    }

    void expiresAt(long at) {
        expiresAt = at;
    }

    /** @return whether the subscriber asked to end it (Expires: 0): its last NOTIFY is due */
    boolean ending() {
        return ending;
    }

    void ending(boolean e) {
        ending = e;
    }

    /** @return what last happened to it, as RFC 3857's {@code event} attribute says */
    public String lastEvent() {
        return lastEvent;
    }

    void lastEvent(String e) {
        lastEvent = e;
    }

    /** @return the next watcherinfo document version (0, 1, ...) */
    long nextVersion() {
        return version++;
    }

    /** @return whether it watches the watcher information rather than the presence */
    public boolean isWinfo() {
        return PresenceService.WINFO.equals(event);
    }

    /** @return seconds left at {@code now}, at least 0 */
    long secondsLeft(long now) {
        return Math.max(0, (expiresAt - now + 999) / 1000);
    }
}
