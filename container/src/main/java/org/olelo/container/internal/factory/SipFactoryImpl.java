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
 * The SIP factory of one application: URIs, addresses, parameterables and application sessions.
 * Thread-safe; any application thread may use it.
 */
public final class SipFactoryImpl implements SipFactory {

    private final String appName;
    private final AppLookup apps;
    private final SessionManager sessions;

    public SipFactoryImpl(String appName, AppLookup apps, SessionManager sessions) {
        this.appName = appName;
        this.apps = apps;
        this.sessions = sessions;
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
        throw new UnsupportedOperationException("SipFactory.createRequest (user-agent requests) is not implemented yet");
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession appSession, String method, URI from, URI to) {
        throw new UnsupportedOperationException("SipFactory.createRequest (user-agent requests) is not implemented yet");
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession appSession, String method, String from, String to) {
        throw new UnsupportedOperationException("SipFactory.createRequest (user-agent requests) is not implemented yet");
    }

    @Override
    public SipServletRequest createRequest(SipServletRequest origRequest, boolean sameCallId) {
        throw new UnsupportedOperationException("SipFactory.createRequest (user-agent requests) is not implemented yet");
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
        throw new UnsupportedOperationException("SipFactory.createAuthInfo is not implemented yet");
    }

    private AppContext app() {
        AppContext a = apps.find(appName);
        if (a == null) {
            throw new IllegalStateException("application " + appName + " is not deployed");
        }
        return a;
    }
}
