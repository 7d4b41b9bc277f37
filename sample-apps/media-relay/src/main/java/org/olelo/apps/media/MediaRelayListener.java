package org.olelo.apps.media;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipApplicationSessionEvent;
import jakarta.servlet.sip.SipApplicationSessionListener;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.media.ng.NgException;
import org.olelo.apps.media.ng.NgInstance;

/**
 * Starts the application before its servlet (settings, instances, control socket, statistics and
 * the {@code rtpengine.*} commands when the container offers them) and closes it at undeployment.
 *
 * <p>It also watches the calls' application sessions: a session that expires while rtpengine
 * still holds its call (a long call without requests in between) is extended by
 * {@value #EXTEND_MINUTES} minutes, so its BYE still finds it; a session that ends while it still
 * holds a media session (the BYE never came) deletes that session.
 *
 * <p>The context events run on the container's deployer thread; the session events on the
 * session's thread, where the {@code query} or {@code delete} blocks on one UDP exchange.
 */
public class MediaRelayListener implements ServletContextListener, SipApplicationSessionListener {

    /** Minutes an expiring session of a call rtpengine still relays is extended by. */
    static final int EXTEND_MINUTES = 3;

    private final List<RpcCommands.Registration> registrations = new ArrayList<>();
    private volatile MediaRuntime rt;
    private volatile ServletContext ctx;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext c = event.getServletContext();
        MediaConfig config = MediaConfig.from(c::getInitParameter);
        Statistics statistics = c.getAttribute(Statistics.ATTRIBUTE) instanceof Statistics s ? s : null;
        try {
            rt = MediaRuntime.start(config, statistics, c::log);
        } catch (SocketException e) {
            throw new IllegalStateException("media-relay: cannot open the rtpengine control socket: " + e.getMessage(), e);
        }
        ctx = c;
        c.setAttribute(MediaRuntime.ATTRIBUTE, rt);
        if (c.getAttribute(RpcCommands.ATTRIBUTE) instanceof RpcCommands rpc) {
            for (RpcCommand command : MediaCommands.of(rt.engine())) {
                try {
                    registrations.add(rpc.register(command));
                } catch (IllegalArgumentException e) {
                    c.log("media-relay: command " + command.name() + " not registered: " + e.getMessage());
                }
            }
        }
        c.log("media-relay: media relayed through rtpengine " + rt.engine().instances().all()
                + (config.flags().isEmpty() ? "" : " with flags '" + config.flags() + "'"));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        registrations.forEach(RpcCommands.Registration::remove);
        registrations.clear();
        event.getServletContext().removeAttribute(MediaRuntime.ATTRIBUTE);
        MediaRuntime r = rt;
        if (r != null) {
            r.close();
        }
    }

    @Override
    public void sessionCreated(SipApplicationSessionEvent ev) {
    }

    @Override
    public void sessionReadyToInvalidate(SipApplicationSessionEvent ev) {
    }

    /** A call rtpengine still relays keeps its session. */
    @Override
    public void sessionExpired(SipApplicationSessionEvent ev) {
        SipApplicationSession as = ev.getApplicationSession();
        Held h = held(as);
        if (h == null) {
            return;
        }
        try {
            if ("ok".equals(h.engine().query(h.on(), h.callId()).get("result"))) {
                as.setExpires(EXTEND_MINUTES);
            }
        } catch (NgException e) {
            as.setExpires(EXTEND_MINUTES); // no answer now is no proof that the call is over
        }
    }

    /** A session that still holds a media session deletes it. */
    @Override
    public void sessionDestroyed(SipApplicationSessionEvent ev) {
        SipApplicationSession as = ev.getApplicationSession();
        Held h = held(as);
        if (h == null) {
            return;
        }
        String fromTag = CallMedia.fromTag(as);
        CallMedia.closed(as);
        try {
            h.engine().delete(h.on(), h.callId(), fromTag);
        } catch (NgException e) {
            ServletContext c = ctx;
            if (c != null) {
                c.log("media-relay: media session of ended call " + h.callId() + " not deleted: " + e.getMessage());
            }
        }
    }

    /** The media session a call's application session still holds. */
    private record Held(RtpEngine engine, NgInstance on, String callId) {
    }

    /** What {@code as} still holds at rtpengine, or null. */
    private Held held(SipApplicationSession as) {
        MediaRuntime r = rt;
        NgInstance on = r == null ? null : CallMedia.instance(as, r.engine().instances());
        String callId = CallMedia.callId(as);
        return on == null || callId == null ? null : new Held(r.engine(), on, callId);
    }
}
