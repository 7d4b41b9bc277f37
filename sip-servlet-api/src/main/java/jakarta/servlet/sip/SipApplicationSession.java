package jakarta.servlet.sip;

import java.net.URL;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * One instance of a SIP application: the state shared by all the protocol sessions (SIP and
 * HTTP) that make up, for example, one call or one conference, plus its timers. Attributes
 * bound here are visible from every contained session.
 *
 * <p>An application session expires after the application's session timeout unless it is
 * extended with {@link #setExpires(int)}; it is invalidated explicitly with {@link #invalidate()}
 * or, when the invalidate-when-ready flag is set, once all its sessions are ready to be
 * invalidated. Unless stated otherwise, methods throw {@link IllegalStateException} once the
 * session has been invalidated.
 */
public interface SipApplicationSession extends AttributeStore {

    /** The protocols of the sessions an application session can contain. */
    enum Protocol {

        /** SIP: the sessions are {@link SipSession}s. */
        SIP,

        /** HTTP: the sessions are {@link ConvergedHttpSession}s. */
        HTTP
    }

    /**
     * Returns when this application session was created.
     *
     * @return the creation time in milliseconds since the epoch
     */
    long getCreationTime();

    /**
     * Returns when a message or timer of this application session was last handled by the application.
     *
     * @return the last access time in milliseconds since the epoch
     */
    long getLastAccessedTime();

    /**
     * Returns when this application session will expire.
     *
     * @return the expiration time in milliseconds since the epoch, or 0 if it never expires
     * @since 1.1
     */
    long getExpirationTime();

    /**
     * Returns the identifier of this application session, unique within the container.
     *
     * @return the identifier
     */
    String getId();

    /**
     * Returns the name of the SIP application this session belongs to.
     *
     * @return the application name
     * @since 1.1
     */
    String getApplicationName();

    /**
     * Moves the expiration of this session to the given number of minutes from now.
     *
     * @param deltaMinutes minutes until expiration; 0 or less asks for a session that never expires
     * @return the number of minutes actually granted, which may be less than requested
     */
    int setExpires(int deltaMinutes);

    /**
     * Invalidates this application session, its protocol sessions and its timers, unbinding
     * all attributes.
     */
    void invalidate();

    /**
     * Tells whether this session is ready to be invalidated: all its SIP sessions have been
     * invalidated, it has no HTTP session, and it has no active timer.
     *
     * @return {@code true} if the session is ready to be invalidated
     * @since 1.1
     */
    boolean isReadyToInvalidate();

    /**
     * Sets whether the container invalidates this session as soon as it is ready to be
     * invalidated. The default is {@code true} for applications of version 1.1 and later.
     *
     * @param invalidateWhenReady the new flag
     * @since 1.1
     */
    void setInvalidateWhenReady(boolean invalidateWhenReady);

    /**
     * Returns the invalidate-when-ready flag.
     *
     * @return {@code true} if the session is invalidated as soon as it is ready
     * @since 1.1
     */
    boolean getInvalidateWhenReady();

    /**
     * Returns an iterator over all protocol sessions contained in this application session.
     *
     * @return the {@link SipSession}s and {@link ConvergedHttpSession}s
     */
    Iterator<?> getSessions();

    /**
     * Returns all protocol sessions contained in this application session.
     *
     * @return the {@link SipSession}s and {@link ConvergedHttpSession}s
     * @since 2.0
     */
    Set<?> getSessionSet();

    /**
     * Returns an iterator over the contained sessions of one protocol.
     *
     * @param protocol {@code "SIP"} or {@code "HTTP"}
     * @return the sessions of that protocol
     * @throws IllegalArgumentException if {@code protocol} is not a supported protocol
     */
    Iterator<?> getSessions(String protocol);

    /**
     * Returns the contained sessions of one protocol.
     *
     * @param protocol {@code "SIP"} or {@code "HTTP"}
     * @return the sessions of that protocol
     * @throws IllegalArgumentException if {@code protocol} is not a supported protocol
     * @since 2.0
     */
    Set<?> getSessionSet(String protocol);

    /**
     * Returns a contained SIP session by identifier.
     *
     * @param id the identifier returned by {@link SipSession#getId()}
     * @return the SIP session, or {@code null} if none has that identifier
     * @since 1.1
     */
    SipSession getSipSession(String id);

    /**
     * Returns a contained session of the given protocol by identifier.
     *
     * @param id the session identifier
     * @param protocol the protocol of the session
     * @return the session, or {@code null} if none matches
     * @throws NullPointerException if {@code protocol} is {@code null}
     * @since 1.1
     */
    Object getSession(String id, Protocol protocol);

    /**
     * Adds a parameter to the URI that makes requests sent to it be routed to this application session.
     *
     * @param uri the URI to encode
     * @throws IllegalArgumentException if the container cannot encode {@code uri}
     * @deprecated interferes with application composition; use the {@code @SipApplicationKey}
     *             mechanism or index keys instead
     */
    @Deprecated
    void encodeURI(URI uri);

    /**
     * Returns an iterator over the names of the attributes bound to this session.
     *
     * @return the attribute names
     * @deprecated use {@link #getAttributeNameSet()}
     */
    @Deprecated
    Iterator<String> getAttributeNames();

    /**
     * Returns the active timers of this application session.
     *
     * @return the timers, empty if there are none
     */
    Collection<ServletTimer> getTimers();

    /**
     * Returns an active timer of this application session by identifier.
     *
     * @param id the identifier returned by {@link ServletTimer#getId()}
     * @return the timer, or {@code null} if no active timer has that identifier
     * @since 1.1
     */
    ServletTimer getTimer(String id);

    /**
     * Returns the futures of the asynchronous tasks run on behalf of this application session
     * (with its context) that have not completed yet.
     *
     * @return the task futures, empty if there are none
     * @since 2.0
     */
    @SuppressWarnings("rawtypes")
    Set<Future> getTaskFutures();

    /**
     * Returns the future of one task of {@link #getTaskFutures()} by identifier.
     *
     * @param id the task identifier
     * @return the future, or {@code null} if no such task is pending
     * @since 2.0
     */
    @SuppressWarnings("rawtypes")
    Future getTaskFuture(String id);

    /**
     * Tells whether this application session is still valid. Never throws.
     *
     * @return {@code false} once the session has been invalidated
     * @since 1.1
     */
    boolean isValid();

    /**
     * Adds the identifier of this application session to an HTTP URL, so that an HTTP request
     * sent to the returned URL is associated with this application session.
     *
     * @param url the URL to encode
     * @return the encoded URL
     * @since 1.1
     */
    URL encodeURL(URL url);

    /**
     * Associates this application session with an index key, so that
     * {@link SipSessionsUtil#getSipApplicationSessionIds(String)} finds it. A key may be shared
     * by several application sessions.
     *
     * @param indexKey the key
     * @throws NullPointerException if {@code indexKey} is {@code null}
     * @since 2.0
     */
    void addIndexKey(String indexKey);

    /**
     * Removes an index key from this application session; does nothing if it was not associated.
     *
     * @param indexKey the key
     * @since 2.0
     */
    void removeIndexKey(String indexKey);

    /**
     * Returns the index keys of this application session.
     *
     * @return the index keys, empty if there are none
     * @since 2.0
     */
    Set<String> getIndexKeys();
}
