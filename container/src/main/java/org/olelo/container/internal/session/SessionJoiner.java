package org.olelo.container.internal.session;

import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.URI;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Chooses the application session of an initial request routed to an application (JSR 289
 * §15.11): the one the request targets (encoded URI, Join, Replaces), when application selection
 * found one of that application; else an existing one when the Request-URI carries the parameter
 * that {@code SipApplicationSession.encodeURI} added, naming a live session of that application;
 * otherwise the one of the key that the application's {@code @SipApplicationKey} method returns
 * (created when there is none yet); otherwise a new one. A targeted session wins over the key
 * method, which is not called then.
 *
 * <p>Called on the thread that routes the request (a transport reader). The key method is
 * application code, so when the application has one the choice moves to {@code worker} and the
 * continuation runs there. The chosen session is held open ({@link SipApplicationSessionImpl#reserve})
 * while the continuation runs, so it cannot be invalidated as ready before the request's SIP
 * session is in it.
 */
public final class SessionJoiner {

    private static final int ATTEMPTS = 5;

    private SessionJoiner() {
    }

    /**
     * @param sessions the session table
     * @param app      the application the router chose
     * @param request  the initial request
     * @param targeted the id of the application session application selection found the request to
     *                 target, or null
     * @param worker   runs the key method and what follows when the application has one
     * @param then     receives the application session and queues the request on it
     * @param failed   receives what the key method (or, on the worker, the continuation) threw:
     *                 the request should get a 500
     */
    public static void join(SessionManager sessions, AppContext app, SipServletRequest request, String targeted,
                            Executor worker, Consumer<SipApplicationSessionImpl> then, Consumer<Throwable> failed) {
        SipApplicationSessionImpl encoded = ofApplication(sessions, app, targeted);
        if (encoded == null) {
            encoded = encodedTarget(sessions, app, request);
        }
        if (encoded != null && encoded.reserve()) {
            runHeld(encoded, then);
            return;
        }
        if (!app.hasApplicationKey()) {
            joinId(sessions, app, null, then, failed);
            return;
        }
        worker.execute(() -> {
            try {
                String key = app.applicationKey(request);
                joinId(sessions, app, key == null ? null : SessionManager.keyId(app.name(), key), then, failed);
            } catch (Exception | LinkageError e) {
                failed.accept(e);
            }
        });
    }

    /** The live session of this application that the Request-URI names, or null. */
    static SipApplicationSessionImpl encodedTarget(SessionManager sessions, AppContext app, SipServletRequest request) {
        URI ruri = request.getRequestURI();
        return ofApplication(sessions, app, ruri == null ? null : ruri.getParameter(SessionManager.ENCODED_URI_PARAM));
    }

    private static SipApplicationSessionImpl ofApplication(SessionManager sessions, AppContext app, String id) {
        SipApplicationSessionImpl s = sessions.applicationSession(id);
        return s != null && s.getApplicationName().equals(app.name()) ? s : null;
    }

    private static void joinId(SessionManager sessions, AppContext app, String id, Consumer<SipApplicationSessionImpl> then,
                               Consumer<Throwable> failed) {
        for (int i = 0; i < ATTEMPTS; i++) {
            SipApplicationSessionImpl s = sessions.createForRequest(app, id);
            if (s.reserve()) {
                runHeld(s, then);
                return;
            }
        }
        failed.accept(new IllegalStateException("application session " + id + " kept ending while a request joined it"));
    }

    private static void runHeld(SipApplicationSessionImpl s, Consumer<SipApplicationSessionImpl> then) {
        try {
            then.accept(s);
        } finally {
            s.release();
        }
    }
}
