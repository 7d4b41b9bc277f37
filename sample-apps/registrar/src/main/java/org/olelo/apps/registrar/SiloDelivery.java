package org.olelo.apps.registrar;

import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import org.olelo.apps.registrar.msilo.SiloSender;
import org.olelo.apps.registrar.msilo.StoredMessage;
import org.olelo.apps.registrar.service.RegisterResult;
import org.olelo.apps.registrar.service.Target;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends a stored message as new MESSAGEs, one to each current contact of the recipient at once
 * (what parallel forking would do), each reached as the location service reaches it (Path, or a
 * loose route to the NAT source): From the original sender (a new tag), To the recipient's AOR,
 * a {@code Date} of when the message was accepted, the original Content-Type and body. The
 * message is delivered when any contact answers 2xx; otherwise the last answer is reported (0
 * when the user has no contact any more). The {@link SiloServlet} hands the answers back here.
 *
 * <p>{@link #send} runs on a delivery thread of the silo and does not wait; {@link #answered} on
 * the application's executor. Thread-safe: the requests waiting for an answer are a map by Call-ID,
 * each entry removed on its answer or after {@value #FORGET_SECONDS} s.
 */
final class SiloDelivery implements SiloSender {

    /** The ServletContext attribute under which the listener publishes this object. */
    static final String ATTRIBUTE = "org.olelo.apps.registrar.msilo.delivery";
    /** The name of the servlet that receives the answers (sip.xml). */
    static final String HANDLER = "msilo";
    static final int FORGET_SECONDS = 45;

    private final SipFactory factory;
    private final Function<String, List<Target>> targets;
    private final ConcurrentHashMap<String, CompletableFuture<Integer>> waiting = new ConcurrentHashMap<>();

    /**
     * @param factory makes the requests
     * @param targets the current contacts of an AOR, best first; empty when none
     */
    SiloDelivery(SipFactory factory, Function<String, List<Target>> targets) {
        this.factory = factory;
        this.targets = targets;
    }

    @Override
    public CompletionStage<Integer> send(StoredMessage m) {
        List<Target> to = targets.apply(m.aor());
        CompletableFuture<Integer> result = new CompletableFuture<>();
        if (to.isEmpty()) {
            result.complete(0);
            return result;
        }
        AtomicInteger left = new AtomicInteger(to.size());
        for (Target t : to) {
            sendTo(m, t).whenComplete((status, failure) -> {
                if (status != null && status >= 200 && status < 300) {
                    result.complete(status);
                } else if (left.decrementAndGet() == 0) {
                    if (status != null) {
                        result.complete(status);
                    } else {
                        result.completeExceptionally(failure);
                    }
                }
            });
        }
        return result;
    }

    private CompletableFuture<Integer> sendTo(StoredMessage m, Target t) {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        try {
            SipApplicationSession as = factory.createApplicationSession();
            SipServletRequest req = factory.createRequest(as, "MESSAGE", m.from(), m.aor());
            req.setRequestURI(factory.createURI(t.uri()));
            for (int i = t.routes().size() - 1; i >= 0; i--) {
                req.pushRoute(factory.createAddress(t.routes().get(i)));
            }
            req.setHeader("Date", RegisterResult.DATE.format(Instant.ofEpochSecond(m.incTime())));
            if (m.contentType() != null || m.body().length > 0) {
                req.setContent(m.body(), m.contentType() == null ? "text/plain" : m.contentType());
            }
            req.getSession().setHandler(HANDLER);
            String callId = req.getCallId();
            waiting.put(callId, answer);
            answer.orTimeout(FORGET_SECONDS, TimeUnit.SECONDS).whenComplete((s, e) -> waiting.remove(callId));
            req.send();
        } catch (Exception e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    /** Completes the delivery a final answer belongs to; other answers are ignored. */
    void answered(SipServletResponse resp) {
        if (resp.getStatus() >= 200 && resp.getMethod().equals("MESSAGE")) {
            CompletableFuture<Integer> f = waiting.remove(resp.getCallId());
            if (f != null) {
                f.complete(resp.getStatus());
            }
        }
    }
}
