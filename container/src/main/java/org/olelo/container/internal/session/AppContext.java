package org.olelo.container.internal.session;

import jakarta.servlet.ServletContext;
import jakarta.servlet.sip.SipServletRequest;
import java.util.List;

/**
 * What the session layer needs to know of a deployed application: its name, context, listeners,
 * default session lifetime, and how to run its code with its class loader. One instance stands
 * for one deployed version: an application session keeps the one it was created with
 * ({@link SipApplicationSessionImpl#app()}) for its whole life, so its work always runs on the
 * version that created it, even after a newer version took over the application's name.
 */
public interface AppContext {

    /** The application name. */
    String name();

    /** The application's servlet context. */
    ServletContext servletContext();

    /** Listener instances of the application implementing the type. */
    <T> List<T> listeners(Class<T> type);

    /** Default application-session lifetime in minutes (sip.xml session-timeout; 0 or less: never). */
    int sessionTimeoutMinutes();

    /** Runs code with the application's class loader as context class loader. */
    void runInContext(Runnable code);

    /** True when the application has a servlet (or servlet POJO) of that name. */
    boolean hasServlet(String servletName);

    /** True when the application has an {@code @SipApplicationKey} method. */
    boolean hasApplicationKey();

    /**
     * Calls the application's {@code @SipApplicationKey} method, with the application's class
     * loader, on the calling thread (never a transport reader: it is application code).
     *
     * @return the key, or null when the application has no key method or it returned null
     * @throws Exception what the key method threw
     */
    String applicationKey(SipServletRequest initialRequest) throws Exception;

    /**
     * True when the application is distributable ({@code <distributable/>} or
     * {@code @SipApplication(distributable = true)}): its session attributes must be
     * serialisable, and with a cluster its sessions are replicated.
     */
    default boolean distributable() {
        return false;
    }

    /**
     * An application session of this version entered the session table. Any thread; called once
     * per session, before its {@code sessionCreated} listeners.
     */
    default void sessionAdded() {
    }

    /** An application session of this version was invalidated and left the table. Any thread; once per session. */
    default void sessionRemoved() {
    }
}
