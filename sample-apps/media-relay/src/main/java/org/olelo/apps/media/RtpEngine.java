package org.olelo.apps.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.olelo.apps.media.ng.NgClient;
import org.olelo.apps.media.ng.NgException;
import org.olelo.apps.media.ng.NgFlags;
import org.olelo.apps.media.ng.NgInstance;
import org.olelo.apps.media.ng.NgInstances;

/**
 * The commands the application gives rtpengine, over the configured instances. A new call's first
 * offer tries the instances in weighted order ({@link NgInstances#order}); one that does not answer
 * is disabled for {@code rtpengine.disable.seconds} (one WARN line) and the next is tried; one that
 * answers again is enabled (one INFO line). Every later command of the call goes to the instance
 * that took its first offer. An instance that answers {@code result=error} refused that command:
 * there is no failover for it (the next would refuse the same SDP).
 *
 * <p>Called on the application's session threads (virtual) and on the management thread; each
 * command blocks on the UDP exchange ({@link NgClient}) for at most retransmit times tries per
 * instance. Thread-safe.
 */
final class RtpEngine implements AutoCloseable {

    /** An offer's outcome: the instance that took it and the SDP to send on. */
    record Placed(NgInstance instance, String sdp) {
    }

    private final NgInstances instances;
    private final NgClient client;
    private final NgFlags flags;
    private final MediaMeters meters;
    private final long disableMillis;
    private final Consumer<String> log;
    private final LongSupplier clock;

    RtpEngine(NgInstances instances, NgClient client, NgFlags flags, MediaMeters meters, long disableMillis,
            Consumer<String> log, LongSupplier clock) {
        this.instances = instances;
        this.client = client;
        this.flags = flags;
        this.meters = meters;
        this.disableMillis = disableMillis;
        this.log = log;
        this.clock = clock;
        instances.all().forEach(meters::register);
    }

    NgInstances instances() {
        return instances;
    }

    MediaMeters meters() {
        return meters;
    }

    /**
     * An offer. With {@code on} null (a new call) the instances are tried in weighted order with
     * failover; otherwise only {@code on}.
     *
     * @param toTag null for an initial offer
     */
    Placed offer(NgInstance on, String callId, String fromTag, String toTag, String sdp) throws NgException {
        Map<String, Object> command = sdpCommand("offer", callId, fromTag, toTag, sdp);
        if (on != null) {
            return new Placed(on, sdpOf(on, call(on, command)));
        }
        NgException last = null;
        for (NgInstance i : instances.order(clock.getAsLong(), () -> ThreadLocalRandom.current().nextDouble())) {
            try {
                Placed p = new Placed(i, sdpOf(i, call(i, command)));
                meters.of(i).offers().increment();
                i.sessionsAdd(1);
                return p;
            } catch (NgException e) {
                if (!e.noAnswer()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    /** An answer to the offer of {@code fromTag}, on the call's instance. */
    String answer(NgInstance on, String callId, String fromTag, String toTag, String sdp) throws NgException {
        String out = sdpOf(on, call(on, sdpCommand("answer", callId, fromTag, toTag, sdp)));
        meters.of(on).answers().increment();
        return out;
    }

    /** Deletes the call's media session on {@code on}. */
    void delete(NgInstance on, String callId, String fromTag) throws NgException {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("command", "delete");
        command.put("call-id", callId);
        if (fromTag != null) {
            command.put("from-tag", fromTag);
        }
        try {
            ok(on, call(on, command));
            meters.of(on).deletes().increment();
        } finally {
            on.sessionsAdd(-1); // deleted, or left to rtpengine's own timeout: no longer ours
        }
    }

    /** The {@code query} answer for the call on {@code on} ({@code result} ok or error). */
    Map<String, Object> query(NgInstance on, String callId) throws NgException {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("command", "query");
        command.put("call-id", callId);
        return call(on, command);
    }

    /** Pings {@code on}: true for {@code pong}. An answer enables a disabled instance. */
    boolean ping(NgInstance on) throws NgException {
        return "pong".equals(call(on, Map.of("command", "ping")).get("result"));
    }

    private Map<String, Object> sdpCommand(String name, String callId, String fromTag, String toTag, String sdp) {
        Map<String, Object> command = new LinkedHashMap<>(flags.entries());
        command.put("command", name);
        command.put("call-id", callId);
        command.put("from-tag", fromTag);
        if (toTag != null) {
            command.put("to-tag", toTag);
        }
        command.put("sdp", sdp);
        return command;
    }

    /** Sends a command; no answer disables the instance, any answer enables it. */
    private Map<String, Object> call(NgInstance on, Map<String, Object> command) throws NgException {
        try {
            Map<String, Object> answer = client.request(on.address(), command);
            if (on.disabledUntil() != 0) {
                on.enable();
                log.accept("media-relay: rtpengine " + on.name() + " answers again; it takes new calls");
            }
            return answer;
        } catch (NgException e) {
            meters.of(on).failures().increment();
            if (e.noAnswer() && on.enabled(clock.getAsLong())) {
                on.disable(clock.getAsLong() + disableMillis);
                log.accept("media-relay: rtpengine " + on.name() + " did not answer (" + e.getMessage() + "); no new calls for "
                        + disableMillis / 1000 + " s");
            }
            throw e;
        }
    }

    private String sdpOf(NgInstance on, Map<String, Object> answer) throws NgException {
        ok(on, answer);
        if (!(answer.get("sdp") instanceof String sdp) || sdp.isEmpty()) {
            meters.of(on).failures().increment();
            throw new NgException("rtpengine " + on.name() + " answered without SDP", false);
        }
        return sdp;
    }

    private void ok(NgInstance on, Map<String, Object> answer) throws NgException {
        Object result = answer.get("result");
        if (!"ok".equals(result)) {
            meters.of(on).failures().increment();
            Object reason = answer.get("error-reason");
            throw new NgException("rtpengine " + on.name() + " refused: " + (reason instanceof String s ? s : result), false);
        }
    }

    /** Lists the instances with their state, for {@code rtpengine.list}. */
    List<Map<String, Object>> describe() {
        long now = clock.getAsLong();
        return instances.all().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instance", i.name());
            m.put("weight", i.weight());
            m.put("state", i.enabled(now) ? "active" : "disabled");
            m.put("disabled_until", i.enabled(now) ? null : java.time.Instant.ofEpochMilli(i.disabledUntil()).toString());
            m.put("sessions", i.sessions());
            MediaMeters.Of c = meters.of(i);
            m.put("offers", c.offers().count());
            m.put("answers", c.answers().count());
            m.put("deletes", c.deletes().count());
            m.put("failures", c.failures().count());
            return m;
        }).toList();
    }

    /** Datagrams the control socket dropped: not an answer to a pending command of ours. */
    long strayDatagrams() {
        return client.dropped();
    }

    @Override
    public void close() {
        client.close();
    }
}
