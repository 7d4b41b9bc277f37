package org.olelo.testclient;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The state of a dialog of the test client (RFC 3261 §12): Call-ID, the local and remote
 * identities with their tags, the remote target, the route set and the local CSeq. Requests the
 * server sends inside it (ACK, BYE, NOTIFY, CANCEL of the INVITE) arrive in its inbox.
 */
final class Dialog {

    final String callId;
    final Inbox inbox;
    private String local;
    private String remote;
    private String remoteTarget;
    private List<String> routes = List.of();
    private long localCseq;

    Dialog(String callId, String local, String remote, String remoteTarget, long localCseq) {
        this.callId = callId;
        this.local = local;
        this.remote = remote;
        this.remoteTarget = remoteTarget;
        this.localCseq = localCseq;
        this.inbox = new Inbox("the dialog " + callId);
    }

    /** As the caller, from a response with a To tag: remote tag, Contact and the reversed Record-Route. */
    synchronized void confirmAsCaller(SipMessage response) {
        remote = response.header("To");
        if (response.header("Contact") != null) {
            remoteTarget = SipAddress.uri(response.headers("Contact").get(0));
        }
        List<String> rr = new ArrayList<>(response.headers("Record-Route"));
        Collections.reverse(rr);
        routes = rr;
    }

    /** As the callee, from the request: Contact and Record-Route in their order; our To with its tag. */
    synchronized void confirmAsCallee(SipMessage request, String localWithTag) {
        local = localWithTag;
        if (request.header("Contact") != null) {
            remoteTarget = SipAddress.uri(request.headers("Contact").get(0));
        }
        routes = List.copyOf(request.headers("Record-Route"));
    }

    /** As a subscriber, from a NOTIFY: its From (with tag) and Contact. */
    synchronized void confirmAsSubscriber(SipMessage notify) {
        remote = notify.header("From");
        if (notify.header("Contact") != null) {
            remoteTarget = SipAddress.uri(notify.headers("Contact").get(0));
        }
        if (routes.isEmpty()) {
            routes = List.copyOf(notify.headers("Record-Route"));
        }
    }

    synchronized String remoteTarget() {
        return remoteTarget;
    }

    synchronized List<String> routes() {
        return routes;
    }

    /** A request inside the dialog with the next local CSeq (the same CSeq for ACK). */
    synchronized Request request(SipTestClient client, String method, long ackCseq) {
        long n = method.equals("ACK") ? ackCseq : ++localCseq;
        InetSocketAddress to = routes.isEmpty() ? SipAddress.hostPort(remoteTarget) : SipAddress.hostPort(routes.get(0));
        return new Request(client, method, remoteTarget).inDialog(callId, n, local, remote, routes, to);
    }
}
