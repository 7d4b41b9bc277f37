package org.olelo.apps.registrar.msilo;

import java.util.concurrent.CompletionStage;

/**
 * Sends one stored message to its recipient and reports the final status code of the answer.
 * The servlet layer sends it as a new MESSAGE through the container's routing.
 */
@FunctionalInterface
public interface SiloSender {

    /**
     * Starts the delivery; does not wait for the answer.
     *
     * @param message the stored message
     * @return completes with the final status code (a 2xx means delivered), or exceptionally when
     *         the request could not be sent
     */
    CompletionStage<Integer> send(StoredMessage message);
}
