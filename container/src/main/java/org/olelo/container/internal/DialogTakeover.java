package org.olelo.container.internal;

import gov.nist.javax.sip.message.SIPRequest;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.olelo.container.internal.replica.Replicator;
import org.olelo.container.internal.replica.SessionRestore;
import org.olelo.container.internal.replica.SessionSnapshot;
import org.olelo.container.internal.session.SessionManager;
import org.olelo.container.internal.session.SipApplicationSessionImpl;
import org.olelo.container.internal.session.SipSessionImpl;
import org.olelo.container.internal.timer.TimerServiceImpl;
import org.olelo.container.internal.ua.UserAgent;
import org.olelo.core.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over the dialogs of other nodes: a request in a dialog this node does not hold, with a
 * cluster's session copies configured, is looked up in the cluster by its Call-ID and tags; when a
 * distributable application's session holds that dialog and the application is deployed here, the
 * session is restored ({@link SessionRestore}) and the request delivered to it as a subsequent
 * request, so the application answers it on this node. Otherwise the request goes on as before
 * (relayed or refused). A session whose copy was written by a node that is still a member is not
 * taken over: it is that node's (the request goes on as before). Before restoring, this node claims
 * the copy ({@link Replicator#claim}): of the nodes that take one copy over (those its requests
 * reach, its new primary owner after the view change) only the claim's winner restores it, so that
 * its timers fire on one node; a request that reaches another node goes on as before.
 *
 * <p>The entry point runs on a transport reader thread and never blocks it: the look-up (a network
 * read) runs on a virtual thread, at most {@value #MAX_LOOKUPS} at a time, since any sender can make
 * a node look a dialog up; past that, requests go on as if nothing was found.
 */
final class DialogTakeover {

    private static final Logger LOG = LoggerFactory.getLogger(DialogTakeover.class);
    static final int MAX_LOOKUPS = 64;

    private final SessionManager sessions;
    private final UserAgent ua;
    private final TimerServiceImpl timers;
    private final Function<String, DeployedAppContext> versions;
    private final java.util.function.BooleanSupplier anyDistributable;
    private final Semaphore lookups = new Semaphore(MAX_LOOKUPS);

    DialogTakeover(SessionManager sessions, UserAgent ua, TimerServiceImpl timers,
                   Function<String, DeployedAppContext> versions, java.util.function.BooleanSupplier anyDistributable) {
        this.sessions = sessions;
        this.anyDistributable = anyDistributable;
        this.ua = ua;
        this.timers = timers;
        this.versions = versions;
    }

    /**
     * Looks the request's dialog up in the cluster, restores its session and delivers the request to
     * it, or runs {@code otherwise} (on another thread) when there is no copy to take over.
     *
     * @return false, with nothing started, when this node keeps no copies (no cluster), no
     *         distributable application is deployed, or the request has no To tag; the caller goes
     *         on at once
     */
    boolean request(ServerTransaction st, SIPRequest r, Runnable otherwise) {
        if (!(sessions.writes() instanceof Replicator rep) || r.getToTag() == null || !anyDistributable.getAsBoolean()
                || !lookups.tryAcquire()) {
            return false;
        }
        String callId = r.getCallId().getCallId();
        String toTag = r.getToTag();
        String fromTag = r.getFromTag();
        Thread.startVirtualThread(() -> {
            SipSessionImpl s;
            try {
                s = takeOver(rep, callId, toTag, fromTag);
            } finally {
                lookups.release();
            }
            if (s == null) {
                otherwise.run();
            } else {
                s.parent().executor().execute(() -> ua.uas().onRequest(s, st));
            }
        });
        return true;
    }

    /**
     * Restores the sessions of a member that left (those this node is the primary owner of), with
     * their timers, and writes their copies again under this node's name. On a virtual thread.
     */
    void restoreAll(java.util.List<SessionSnapshot> copies) {
        for (SessionSnapshot copy : copies) {
            if (!claimed(copy)) {
                continue;
            }
            DeployedAppContext app = versions.apply(copy.app());
            if (app == null || !app.distributable()) {
                LOG.warn("{}: application session {} of {} is not taken over: the application is not deployed here"
                        + " as a distributable application", copy.app(), copy.id(), copy.writer());
                continue;
            }
            try {
                SipApplicationSessionImpl as = new SessionRestore(sessions, ua, timers).restore(copy, app);
                if (as != null) {
                    as.executor().execute(() -> {
                        as.touch();
                        as.invocationEnded();
                    });
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: application session {} could not be taken over: {}", copy.app(), copy.id(), e.toString());
            }
        }
    }

    private SipSessionImpl takeOver(Replicator rep, String callId, String toTag, String fromTag) {
        SessionSnapshot copy;
        try {
            copy = rep.store().fetchByDialog(callId, toTag, fromTag);
        } catch (RuntimeException e) {
            LOG.debug("dialog look-up in the cluster failed (call-id {}): {}", callId, e.toString());
            return null;
        }
        if (copy == null) {
            return null;
        }
        if (rep.store().alive(copy.writer())) {
            LOG.debug("dialog of call-id {} belongs to {}, which is alive: not taken over", callId, copy.writer());
            return null;
        }
        DeployedAppContext app = versions.apply(copy.app());
        if (app == null || !app.distributable()) {
            LOG.debug("dialog of call-id {} belongs to {}, not deployed here as a distributable application", callId,
                    copy.app());
            return null;
        }
        if (!claimed(copy)) {
            return null;
        }
        try {
            SipApplicationSessionImpl as = new SessionRestore(sessions, ua, timers).restore(copy, app);
            if (as == null) {
                return restoredMeanwhile(callId, toTag, fromTag);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: application session {} could not be taken over: {}", copy.app(), copy.id(), e.toString());
            return null;
        }
        return ua.dialogs().find(callId, toTag, fromTag);
    }

    /**
     * Whether this node won the take-over of a copy (false also when the claim could not be made:
     * then the session stays for a node that can).
     */
    private boolean claimed(SessionSnapshot copy) {
        if (!(sessions.writes() instanceof Replicator rep)) {
            return true;
        }
        try {
            if (rep.claim(copy)) {
                return true;
            }
            LOG.debug("{}: application session {} of {} is taken over by another node", copy.app(), copy.id(),
                    copy.writer());
        } catch (RuntimeException e) {
            LOG.warn("{}: application session {} could not be claimed for take-over: {}", copy.app(), copy.id(),
                    e.toString());
        }
        return false;
    }

    /**
     * The dialog of a session that another thread of this node is restoring (the take-over after a
     * view change and a request of its dialog at the same moment): waits for its dialog, at most a
     * second.
     */
    private SipSessionImpl restoredMeanwhile(String callId, String toTag, String fromTag) {
        for (int i = 0; i < 50; i++) {
            SipSessionImpl s = ua.dialogs().find(callId, toTag, fromTag);
            if (s != null) {
                return s;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
