package org.olelo.container.internal.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A {@link CompletableFuture} of an application's managed executor: its asynchronous dependent
 * stages ({@code thenApplyAsync} and the like, without an executor of their own) run on that
 * executor, so they belong to the application session whose work completes the stage before
 * them, as tasks submitted from that work do.
 */
final class ManagedFuture<T> extends CompletableFuture<T> {

    private final AppTaskExecutor owner;

    ManagedFuture(AppTaskExecutor owner) {
        this.owner = owner;
    }

    /** A future of {@code owner} that completes as {@code source} does. */
    static <T> ManagedFuture<T> copyOf(AppTaskExecutor owner, CompletionStage<T> source) {
        ManagedFuture<T> f = new ManagedFuture<>(owner);
        source.whenComplete((v, e) -> {
            if (e == null) {
                f.complete(v);
            } else {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public Executor defaultExecutor() {
        return owner;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new ManagedFuture<>(owner);
    }
}
