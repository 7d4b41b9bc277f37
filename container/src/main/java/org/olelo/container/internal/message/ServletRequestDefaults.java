package org.olelo.container.internal.message;

import gov.nist.javax.sip.message.SIPMessage;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.sip.SipServletRequest;
import java.io.BufferedReader;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.olelo.core.transport.Transport;

/**
 * What the Servlet API's {@code ServletRequest} asks of a SIP request and SIP has no use for, or
 * answers from the message itself: no parameters, streams or asynchronous processing, the
 * dispatcher type, locales from Accept-Language, the listening point as server name and port, and
 * the connection the request came over. {@link SipServletRequestImpl} is the SIP request.
 *
 * <p>Used on the application session's executor, like the request.
 */
abstract class ServletRequestDefaults extends SipServletMessageImpl implements SipServletRequest {

    ServletRequestDefaults(SIPMessage message, MessageSession session, Transport transport, InetSocketAddress remote) {
        super(message, session, transport, remote);
    }

    @Override
    public ServletInputStream getInputStream() {
        return null;
    }

    @Override
    public BufferedReader getReader() {
        return null;
    }

    @Override
    public Locale getLocale() {
        Locale l = getAcceptLanguage();
        return l == null ? Locale.getDefault() : l;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        List<Locale> l = List.copyOf(getAcceptLanguageSet());
        return Collections.enumeration(l.isEmpty() ? List.of(Locale.getDefault()) : l);
    }

    @Override
    public long getContentLengthLong() {
        return getContentLength();
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of();
    }

    @Override
    public String getServerName() {
        return transport == null ? null : transport.advertisedHost();
    }

    @Override
    public int getServerPort() {
        return transport == null ? -1 : transport.advertisedPort();
    }

    @Override
    public String getRemoteHost() {
        return getRemoteAddr();
    }

    @Override
    public String getLocalName() {
        return getLocalAddr();
    }

    @Override
    public AsyncContext startAsync() {
        throw new IllegalStateException("SIP requests do not support asynchronous servlet processing");
    }

    @Override
    public AsyncContext startAsync(ServletRequest req, ServletResponse resp) {
        throw new IllegalStateException("SIP requests do not support asynchronous servlet processing");
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new IllegalStateException("no asynchronous context");
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public String getRequestId() {
        return getId();
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    @Override
    public ServletConnection getServletConnection() {
        String id = getRemoteAddr() + ":" + getRemotePort();
        boolean secure = isSecure();
        return new ServletConnection() {

            @Override
            public String getConnectionId() {
                return id;
            }

            @Override
            public String getProtocol() {
                return "sip";
            }

            @Override
            public String getProtocolConnectionId() {
                return "";
            }

            @Override
            public boolean isSecure() {
                return secure;
            }
        };
    }
}
