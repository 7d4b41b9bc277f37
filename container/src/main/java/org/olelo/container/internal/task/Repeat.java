package org.olelo.container.internal.task;

/**
 * When a repeating task runs next: at a fixed rate, with a fixed delay, or as a
 * {@code Trigger} says ({@link TriggerRepeat}). Times are {@code System.currentTimeMillis()}
 * values. Called on the thread that ran the task, one run at a time.
 */
interface Repeat {

    /**
     * The time of the next run after one that was due at {@code due}, started at {@code start}
     * and ended at {@code end} with {@code result}.
     *
     * @return that time, or a negative number when the task runs no more
     */
    long next(long due, long start, long end, Object result);

    /** True when the run due at {@code due} is to be skipped (the next one is still planned). */
    default boolean skip(long due) {
        return false;
    }

    /** Each run due one period after the previous one was due (late runs catch up). */
    static Repeat fixedRate(long periodMillis) {
        return (due, start, end, result) -> due + periodMillis;
    }

    /** Each run due one delay after the previous one ended. */
    static Repeat fixedDelay(long delayMillis) {
        return (due, start, end, result) -> end + delayMillis;
    }
}
