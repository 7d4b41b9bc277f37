package org.olelo.container.internal.task;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.Trigger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * The runs of a task scheduled with a {@link Trigger}: the trigger is asked for each next run
 * time, with what it knows of the last run, and whether to skip a run when it is due. Called on
 * the thread that schedules or runs the task, one call at a time.
 */
final class TriggerRepeat implements Repeat {

    private final Trigger trigger;
    private final String identity;
    private final long scheduled = System.currentTimeMillis();
    private volatile Last last;

    TriggerRepeat(Trigger trigger, String identity) {
        this.trigger = trigger;
        this.identity = identity;
    }

    /** The time of the first run, or a negative number when the trigger plans none. */
    long first() {
        return millis(trigger.getNextRunTime(null, new Date(scheduled)));
    }

    @Override
    public long next(long due, long start, long end, Object result) {
        last = new Last(identity, result, due, start, end);
        return millis(trigger.getNextRunTime(last, new Date(scheduled)));
    }

    @Override
    public boolean skip(long due) {
        return trigger.skipRun(last, new Date(due));
    }

    private static long millis(Date d) {
        return d == null ? -1 : d.getTime();
    }

    /** What the trigger learns of the previous run. */
    private record Last(String identity, Object result, long due, long start, long end) implements LastExecution {

        @Override
        public String getIdentityName() {
            return identity;
        }

        @Override
        public Object getResult() {
            return result;
        }

        @Override
        public ZonedDateTime getScheduledStart(ZoneId zone) {
            return Instant.ofEpochMilli(due).atZone(zone);
        }

        @Override
        public ZonedDateTime getRunStart(ZoneId zone) {
            return Instant.ofEpochMilli(start).atZone(zone);
        }

        @Override
        public ZonedDateTime getRunEnd(ZoneId zone) {
            return Instant.ofEpochMilli(end).atZone(zone);
        }
    }
}
