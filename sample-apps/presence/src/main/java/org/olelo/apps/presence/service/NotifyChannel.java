package org.olelo.apps.presence.service;

/**
 * Where the NOTIFYs of one subscription go: the subscription's dialog. The servlet layer
 * implements it over the SIP session; tests implement it in memory.
 */
public interface NotifyChannel {

    /**
     * Sends one NOTIFY.
     *
     * @param subscriptionState the {@code Subscription-State} value, e.g. {@code active;expires=3600}
     * @param contentType       the body's media type
     * @param body              the body
     * @return false when the dialog cannot carry it any more (the subscription is then dropped)
     */
    boolean notify(String subscriptionState, String contentType, String body);
}
