package org.olelo.container.internal.factory;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.AuthInfo;
import jakarta.servlet.sip.Parameterable;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipApplicationSession;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import org.olelo.container.internal.address.AddressImpl;
import org.olelo.container.internal.address.ParameterableImpl;
import org.olelo.container.internal.address.SipURIImpl;
import org.olelo.container.internal.address.Uris;
import org.olelo.container.internal.session.AppContext;
import org.olelo.container.internal.session.SessionManager;

/**
 * The SIP factory of one deployed version of an application: URIs, addresses, parameterables and
 * application sessions, which belong to that version (even while it drains after a newer one was
 * deployed). Requests may be created in any session of the application. Thread-safe; any
 * application thread may use it.
 */
public final class SipFactoryImpl implements SipFactory {

    private final String appName;
    private final AppLookup apps;
    private final SessionManager sessions;
    private final org.olelo.container.internal.ua.UserAgent ua;

    public SipFactoryImpl(String appName, AppLookup apps, SessionManager sessions) {
        this(appName, apps, sessions, null);
    }

    /** A factory that can also create requests, sent through {@code ua}. */
    public SipFactoryImpl(String appName, AppLookup apps, SessionManager sessions, org.olelo.container.internal.ua.UserAgent ua) {
        this.appName = appName;
        this.apps = apps;
        this.sessions = sessions;
        this.ua = ua;
    }

    private org.olelo.container.internal.ua.UserAgent ua() {
        if (ua == null) {
            throw new IllegalStateException("this factory cannot create requests");
        }
        return ua;
    }

    private org.olelo.container.internal.session.SipApplicationSessionImpl own(SipApplicationSession as) {
        if (!(as instanceof org.olelo.container.internal.session.SipApplicationSessionImpl a) || !a.isValid()) {
            throw new IllegalArgumentException("application session is null, invalid or not of this container");
        }
        if (!a.getApplicationName().equals(appName)) {
            throw new IllegalArgumentException("application session belongs to " + a.getApplicationName());
        }
        return a;
    }

    @Override
    public URI createURI(String uri) throws ServletParseException {
        return Uris.parse(uri);
    }

    @Override
    public SipURI createSipURI(String user, String host) {
        return new SipURIImpl(user, host);
    }

    @Override
    public Address createAddress(String sipAddress) throws ServletParseException {
        return AddressImpl.parse(sipAddress);
    }

    @Override
    public Address createAddress(URI uri) {
        return new AddressImpl(null, uri.clone());
    }

    @Override
    public Address createAddress(URI uri, String displayName) {
        return new AddressImpl(displayName, uri.clone());
    }

    @Override
    public Parameterable createParameterable(String s) throws ServletParseException {
        return ParameterableImpl.parse(s);
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession appSession, String method, Address from, Address to) {
        if (from == null || to == null) {
            throw new NullPointerException("From and To are required");
        }
        return ua().newRequest(own(appSession), method, from.toString(), to.toString());
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession appSession, String method, URI from, URI to) {
        if (from == null || to == null) {
            throw new NullPointerException("From and To are required");
        }
        return ua().newRequest(own(appSession), method, "<" + from + ">", "<" + to + ">");
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession appSession, String method, String from, String to)
            throws ServletParseException {
        return createRequest(appSession, method, AddressImpl.parse(from), AddressImpl.parse(to));
    }

    @Override
    public SipServletRequest createRequest(SipServletRequest origRequest, boolean sameCallId) {
        if (!(origRequest instanceof org.olelo.container.internal.message.SipServletRequestImpl o)) {
            throw new IllegalArgumentException("request is not of this container");
        }
        return ua().copyRequest(o, sameCallId, 70);
    }

    @Override
    public SipApplicationSession createApplicationSession() {
        return sessions.createApplicationSession(app());
    }

    @Override
    public SipApplicationSession createApplicationSessionByKey(String key) {
        if (key == null) {
            throw new NullPointerException("application key");
        }
        return sessions.createApplicationSession(app(), keyId(appName, key));
    }

    /** The application-session id that an application key maps to. */
    static String keyId(String appName, String key) {
        return SessionManager.keyId(appName, key);
    }

    @Override
    public AuthInfo createAuthInfo() {
        return new org.olelo.container.internal.message.AuthInfoImpl();
    }

    private AppContext app() {
        AppContext a = apps.version();
        if (a == null) {
            throw new IllegalStateException("application " + appName + " is not deployed");
        }
        return a;
    }
}
