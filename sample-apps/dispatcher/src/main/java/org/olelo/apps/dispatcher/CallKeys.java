package org.olelo.apps.dispatcher;

/**
 * What the hashing algorithms read from a request. The servlet implements it over the request;
 * each value is read only by the algorithm that needs it.
 */
interface CallKeys {

    /** The Call-ID. */
    String callId();

    /** {@code user@host} of the From URI (host in lower case). */
    String fromUri();

    /** {@code user@host} of the To URI (host in lower case). */
    String toUri();
}
