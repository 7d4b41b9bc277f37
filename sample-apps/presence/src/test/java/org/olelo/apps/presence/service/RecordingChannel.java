package org.olelo.apps.presence.service;

import java.util.ArrayList;
import java.util.List;

/** Test support: a dialog that records the NOTIFYs it is given, or refuses them once {@link #broken}. */
final class RecordingChannel implements NotifyChannel {

    record Sent(String state, String type, String body) {
    }

    final List<Sent> sent = new ArrayList<>();
    boolean broken;

    @Override
    public synchronized boolean notify(String subscriptionState, String contentType, String body) {
        if (broken) {
            return false;
        }
        sent.add(new Sent(subscriptionState, contentType, body));
        return true;
    }

    synchronized Sent last() {
        return sent.get(sent.size() - 1);
    }

    synchronized int count() {
        return sent.size();
    }
}
