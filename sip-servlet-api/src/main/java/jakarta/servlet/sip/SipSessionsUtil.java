package jakarta.servlet.sip;

import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * Finds the application's sessions from code that does not have them at hand, such as HTTP
 * servlets, EJBs or message listeners of a converged application. Available as the servlet
 * context attribute {@link SipServlet#SIP_SESSIONS_UTIL}, from
 * {@link SipServletContext#getSipSessionsUtil()} and by injection. It only returns sessions of
 * the application it belongs to.
 *
 * @since 1.1
 */
public interface SipSessionsUtil {

    /**
     * Looks up an application session by identifier.
     *
     * @param applicationSessionId an identifier returned by {@link SipApplicationSession#getId()}
     * @return the application session, or {@code null} if this application has none with that identifier
     * @throws NullPointerException if {@code applicationSessionId} is {@code null}
     */
    SipApplicationSession getApplicationSessionById(String applicationSessionId);

    /**
     * Looks up, and optionally creates, an application session by key: the key used with
     * {@link SipFactory#createApplicationSessionByKey(String)} or returned by a
     * {@code @SipApplicationKey} method.
     *
     * @param applicationSessionKey the key
     * @param create whether to create the application session if none exists
     * @return the application session, or {@code null} if none exists and {@code create} is {@code false}
     * @throws NullPointerException if {@code applicationSessionKey} is {@code null}
     */
    SipApplicationSession getApplicationSessionByKey(String applicationSessionKey, boolean create);

    /**
     * Finds the session of the dialog identified by a Join (RFC 3911) or Replaces (RFC 3891)
     * header of the request that created {@code session}.
     *
     * @param session a session whose initial request carries the header
     * @param headerName {@code "Join"} or {@code "Replaces"}
     * @return the session of the identified dialog, or {@code null} if this application has none
     * @throws IllegalArgumentException if {@code headerName} is neither Join nor Replaces
     */
    SipSession getCorrespondingSipSession(SipSession session, String headerName);

    /**
     * Returns the identifiers of the application sessions associated with an index key through
     * {@link SipApplicationSession#addIndexKey(String)}.
     *
     * @param indexKey the index key
     * @return the identifiers, empty if no application session has that key
     * @since 2.0
     */
    Set<String> getSipApplicationSessionIds(String indexKey);

    /**
     * Returns the identifiers of all valid application sessions of this application.
     *
     * @return the identifiers, empty if there are none
     * @since 2.0
     */
    Set<String> getSipApplicationSessionIds();

    /**
     * Returns the application session of the current invocation, for example the one of the
     * message, timer or task being processed on this thread.
     *
     * @return the current application session, or {@code null} outside such an invocation
     * @since 2.0
     */
    SipApplicationSession getCurrentApplicationSession();

    /**
     * Returns a contextual reference to a CDI managed bean of this application, so that code not
     * managed by CDI can use beans with SIP scopes.
     *
     * @param <T> the bean type
     * @param type the bean type
     * @param qualifiers the qualifiers of the bean, if any
     * @return the bean reference
     * @since 2.0
     */
    <T> T getManagedBean(Class<T> type, Annotation... qualifiers);
}
