package org.olelo.container.internal.router;

import java.io.Serializable;

/**
 * The state info that {@link DefaultApplicationRouter} returns with each
 * application: which list of tuples was walked and where, so that the next call
 * for the same request carries on after that tuple.
 *
 * <p>Immutable value; travels with the request between worker threads.
 *
 * @param key   the method key whose tuples were walked ({@code INVITE}, {@code ALL}, …)
 * @param index the index of the tuple that was chosen
 */
public record RouterState(String key, int index) implements Serializable {
    private static final long serialVersionUID = 1L;
}
