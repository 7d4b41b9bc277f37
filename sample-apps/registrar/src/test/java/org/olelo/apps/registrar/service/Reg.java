package org.olelo.apps.registrar.service;

import java.util.ArrayList;
import java.util.List;

/** Test support: builds {@link RegisterRequest}s, by default a REGISTER of sip:alice@example.com. */
final class Reg {

    private String requestUriHost = "example.com";
    private String scheme = "sip";
    private String user = "alice";
    private String host = "example.com";
    private String authenticatedUser;
    private boolean wildcard;
    private final List<ContactSpec> contacts = new ArrayList<>();
    private String expires;
    private String callId = "call-1@ua";
    private long cseq = 1;
    private List<String> path = List.of();
    private boolean supportsPath;
    private RegisterRequest.Source source = new RegisterRequest.Source("192.0.2.10", 5060, "UDP");
    private String userAgent = "TestPhone/1.0";

    static Reg alice() {
        return new Reg();
    }

    Reg to(String toScheme, String toUser, String toHost) {
        scheme = toScheme;
        user = toUser;
        host = toHost;
        return this;
    }

    Reg requestUri(String h) {
        requestUriHost = h;
        return this;
    }

    Reg authenticatedAs(String u) {
        authenticatedUser = u;
        return this;
    }

    Reg contact(String uri) {
        return contact(ContactSpec.of(uri));
    }

    Reg contact(ContactSpec c) {
        contacts.add(c);
        return this;
    }

    Reg star() {
        wildcard = true;
        return this;
    }

    Reg expires(String value) {
        expires = value;
        return this;
    }

    Reg callId(String id) {
        callId = id;
        return this;
    }

    Reg cseq(long n) {
        cseq = n;
        return this;
    }

    Reg path(List<String> values, boolean supported) {
        path = values;
        supportsPath = supported;
        return this;
    }

    Reg from(String address, int port, String transport) {
        source = new RegisterRequest.Source(address, port, transport);
        return this;
    }

    Reg userAgent(String ua) {
        userAgent = ua;
        return this;
    }

    RegisterRequest build() {
        return new RegisterRequest(requestUriHost, scheme, user, host, authenticatedUser, wildcard, contacts, expires,
                callId, cseq, path, supportsPath, source, userAgent);
    }
}
