package org.olelo.apps.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipApplicationSessionEvent;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session events of the listener, with a fake ng server over real UDP and the container's
 * objects stood in for by the few methods the listener calls: an expiring session whose call
 * rtpengine still holds is extended, one whose call rtpengine forgot is not, and a session that
 * ends with a media session open deletes it.
 */
class MediaRelayListenerTest {

    private final Map<String, Object> contextAttributes = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile boolean knowsCall = true;
    private FakeNg ng;
    private MediaRelayListener listener;
    private ServletContext ctx;

    @BeforeEach
    void start() throws Exception {
        ng = new FakeNg(c -> switch ((String) c.get("command")) {
            case "query" -> knowsCall ? Map.of("result", "ok", "created", 1L) : Map.of("result", "error", "error-reason", "Unknown call-id");
            default -> Map.of("result", "ok", "sdp", "v=0 relayed");
        });
        Map<String, String> params = Map.of("rtpengine.instances", ng.spec(1), "rtpengine.retransmit.millis", "250",
                "rtpengine.tries", "3");
        ctx = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServletContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getInitParameter" -> params.get((String) a[0]);
                    case "getAttribute" -> contextAttributes.get((String) a[0]);
                    case "setAttribute" -> contextAttributes.put((String) a[0], a[1]);
                    case "removeAttribute" -> contextAttributes.remove((String) a[0]);
                    case "log" -> log.add((String) a[0]);
                    default -> null;
                });
        listener = new MediaRelayListener();
        listener.contextInitialized(new ServletContextEvent(ctx));
    }

    @AfterEach
    void stop() {
        listener.contextDestroyed(new ServletContextEvent(ctx));
        ng.close();
    }

    /** A stand-in application session: attributes, and the minutes {@code setExpires} was given (-1: never called). */
    private static SipApplicationSession session(Map<String, Object> attributes, AtomicInteger expires) {
        return (SipApplicationSession) Proxy.newProxyInstance(MediaRelayListenerTest.class.getClassLoader(),
                new Class<?>[] {SipApplicationSession.class}, (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get((String) a[0]);
                    case "setAttribute" -> attributes.put((String) a[0], a[1]);
                    case "removeAttribute" -> attributes.remove((String) a[0]);
                    case "setExpires" -> {
                        expires.set((Integer) a[0]);
                        yield (Integer) a[0];
                    }
                    default -> null;
                });
    }

    /** A session whose call has its media opened on the fake instance. */
    private SipApplicationSession relayedCall(Map<String, Object> attributes, AtomicInteger expires) throws Exception {
        MediaRuntime rt = (MediaRuntime) contextAttributes.get(MediaRuntime.ATTRIBUTE);
        assertNotNull(rt);
        RtpEngine.Placed p = rt.engine().offer(null, "call-9", "tagA", null, "v=0");
        SipApplicationSession as = session(attributes, expires);
        CallMedia.opened(as, p.instance(), "call-9", "tagA");
        return as;
    }

    @Test
    void anExpiringSessionOfACallRtpengineStillHoldsIsExtended() throws Exception {
        AtomicInteger expires = new AtomicInteger(-1);
        SipApplicationSession as = relayedCall(new ConcurrentHashMap<>(), expires);
        listener.sessionExpired(new SipApplicationSessionEvent(as));
        assertEquals(MediaRelayListener.EXTEND_MINUTES, expires.get());
        assertEquals("query", ng.received.getLast().get("command"));
        assertEquals("call-9", ng.received.getLast().get("call-id"));
    }

    @Test
    void anExpiringSessionOfACallRtpengineForgotIsNotExtended() throws Exception {
        AtomicInteger expires = new AtomicInteger(-1);
        SipApplicationSession as = relayedCall(new ConcurrentHashMap<>(), expires);
        knowsCall = false;
        listener.sessionExpired(new SipApplicationSessionEvent(as));
        assertEquals(-1, expires.get());
    }

    @Test
    void anEndingSessionDeletesItsOpenMediaSession() throws Exception {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        SipApplicationSession as = relayedCall(attributes, new AtomicInteger(-1));
        listener.sessionDestroyed(new SipApplicationSessionEvent(as));
        Map<String, Object> delete = ng.received.getLast();
        assertEquals("delete", delete.get("command"));
        assertEquals("call-9", delete.get("call-id"));
        assertEquals("tagA", delete.get("from-tag"));
        assertNull(attributes.get(CallMedia.INSTANCE));
        int sent = ng.received.size();
        listener.sessionDestroyed(new SipApplicationSessionEvent(as));
        assertEquals(sent, ng.received.size(), "deleted once");
    }

    @Test
    void aSessionWithoutMediaSendsNothing() {
        AtomicInteger expires = new AtomicInteger(-1);
        SipApplicationSession as = session(new ConcurrentHashMap<>(), expires);
        listener.sessionExpired(new SipApplicationSessionEvent(as));
        listener.sessionDestroyed(new SipApplicationSessionEvent(as));
        assertEquals(-1, expires.get());
        assertEquals(List.of(), ng.received);
    }
}
