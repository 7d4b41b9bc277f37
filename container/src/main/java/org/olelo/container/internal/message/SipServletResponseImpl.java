package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.sip.InviteBranch;
import jakarta.servlet.sip.Proxy;
import jakarta.servlet.sip.ProxyBranch;
import jakarta.servlet.sip.Rel100Exception;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.olelo.core.transport.Transport;

/**
 * A SIP response: one the application creates for a received request (sent through the request's
 * server transaction), or one received on a proxy branch (read-only for sending purposes; the
 * proxy forwards it).
 *
 * <p>Used on the application session's executor.
 */
public final class SipServletResponseImpl extends SipServletMessageImpl implements SipServletResponse {

    private static final Pattern REALM = Pattern.compile("realm\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final SIPResponse response;
    private final SipServletRequestImpl request;
    private final ProxyBranch branch;
    private final boolean local;
    private volatile boolean branchResponse;

    /**
     * @param branch the proxy branch it came from, or null
     * @param local  true when the application creates it to send it
     */
    public SipServletResponseImpl(SIPResponse response, SipServletRequestImpl request, MessageSession session,
                                  Transport transport, InetSocketAddress remote, ProxyBranch branch, boolean local) {
        super(response, session, transport, remote);
        this.response = response;
        this.request = request;
        this.branch = branch;
        this.local = local;
    }

    /** The JAIN-SIP response. */
    public SIPResponse jainResponse() {
        return response;
    }

    /** The server transaction this locally created response goes out on. */
    public org.olelo.core.transaction.ServerTransaction getRequestTransaction() {
        return request.transaction();
    }

    /** Marks the response as delivered to doBranchResponse. */
    public void setBranchResponse(boolean b) {
        this.branchResponse = b;
    }

    @Override
    public SipServletRequest getRequest() {
        return request;
    }

    @Override
    public int getStatus() {
        return response.getStatusCode();
    }

    @Override
    public void setStatus(int status) {
        setStatus(status, null);
    }

    @Override
    public void setStatus(int status, String reason) {
        checkModifiable();
        if (!local) {
            throw new IllegalStateException("a received response cannot be changed");
        }
        try {
            response.setStatusCode(status);
            response.setReasonPhrase(reason == null ? SIPResponse.getReasonPhrase(status) : reason);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad status " + status, e);
        }
    }

    @Override
    public String getReasonPhrase() {
        return response.getReasonPhrase();
    }

    @Override
    public Proxy getProxy() {
        return branch != null ? branch.getProxy() : request.proxyIfAny();
    }

    @Override
    public ProxyBranch getProxyBranch() {
        return branch;
    }

    /**
     * Sends the response the application created; what else happens (dialog state, session timers,
     * the session's state, refusing an answer to a request being proxied) is up to the session's role.
     */
    @Override
    public void send() {
        if (!local) {
            throw new IllegalStateException("a received response is forwarded by the proxy, not sent by the application");
        }
        if (committed) {
            throw new IllegalStateException("response already sent");
        }
        role().send(this);
    }

    /**
     * The roles' last step of {@link #send}: out through the request's server transaction, then
     * committed, and a final response recorded on its request.
     */
    public void transmit() {
        int status = getStatus();
        try {
            request.transaction().sendResponse(response);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot send " + status + ": " + e.getMessage(), e);
        }
        commit();
        if (status >= 200) {
            request.finalSent(this);
        }
    }

    /** RFC 3327 §5.3: a registrar's 2xx to REGISTER echoes the Path it stored, unless the application set one. */
    public void echoRegisterPath() {
        int status = getStatus();
        if (status >= 200 && status < 300 && request.getMethod().equals("REGISTER") && getHeader("Path") == null) {
            for (String path : request.getHeaderList("Path")) {
                attach("Path", path, false);
            }
        }
    }

    @Override
    public void sendReliably() throws Rel100Exception {
        if (!local) {
            throw new IllegalStateException("only a response the application answers with can be sent reliably");
        }
        role().sendReliably(this);
    }

    @Override
    public SipServletRequest createAck() {
        if (local || !getMethod().equals("INVITE") || getStatus() < 200 || getStatus() >= 300) {
            throw new IllegalStateException("ACK is created only for a 2xx response received to an INVITE");
        }
        return role().createAck(this);
    }

    @Override
    public SipServletRequest createPrack() throws Rel100Exception {
        if (local) {
            throw new IllegalStateException("PRACK is created only for a reliable provisional response received");
        }
        return role().createPrack(this);
    }

    @Override
    public Iterator<String> getChallengeRealms() {
        return getChallengeRealmSet().iterator();
    }

    @Override
    public Set<String> getChallengeRealmSet() {
        Set<String> realms = new LinkedHashSet<>();
        for (String name : new String[] {"WWW-Authenticate", "Proxy-Authenticate"}) {
            ListIterator<?> it = response.getHeaders(name);
            while (it != null && it.hasNext()) {
                Matcher m = REALM.matcher(((SIPHeader) it.next()).getHeaderValue());
                if (m.find()) {
                    realms.add(m.group(1));
                }
            }
        }
        return realms;
    }

    @Override
    public boolean isBranchResponse() {
        return branchResponse;
    }

    @Override
    public boolean isReliableProvisional() {
        return OptionTags.isReliableProvisional(response);
    }

    @Override
    public String getProvisionalResponseId() {
        if (!isReliableProvisional()) {
            return null;
        }
        return response.getHeader("RSeq") instanceof gov.nist.javax.sip.header.RSeq r
                ? r.getSeqNumber() + "/" + response.getCSeq().getSeqNumber() : null;
    }

    @Override
    public InviteBranch getInviteBranch() {
        if (!getMethod().equals("INVITE") || session == null) {
            return null;
        }
        return role().inviteBranch(this);
    }

    @Override
    public String getMethod() {
        return response.getCSeq().getMethod();
    }

    // ------------------------------------------------------------------ ServletResponse

    @Override
    public ServletOutputStream getOutputStream() {
        return null;
    }

    @Override
    public PrintWriter getWriter() {
        return null;
    }

    @Override
    public void reset() {
        throw new IllegalStateException("SIP responses have no buffer to reset");
    }

    @Override
    public void flushBuffer() {
        // SIP responses are sent whole by send()
    }

    @Override
    public void setLocale(Locale locale) {
        setContentLanguage(locale);
    }

    @Override
    public Locale getLocale() {
        Locale l = getContentLanguage();
        return l == null ? Locale.getDefault() : l;
    }

    @Override
    public void setCharacterEncoding(String enc) {
        try {
            super.setCharacterEncoding(enc);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalArgumentException("unsupported encoding " + enc, e);
        }
    }

    /** As {@link #setContentLength(int)}; a length past {@code Integer.MAX_VALUE} is no SIP body. */
    @Override
    public void setContentLengthLong(long len) {
        if (len > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Content-Length too large for a SIP message: " + len);
        }
        setContentLength((int) Math.max(len, -1));
    }

    @Override
    protected boolean wasReceived() {
        return !local;
    }

    /** A received response that another application of this server passed on: who sent it first is not known. */
    @Override
    protected InitialSender initialSender() {
        return local || overInternalHop() ? null : InitialSender.of(remote, transport);
    }

    /** True for a response received from another application of this server (over the internal hop). */
    @Override
    public boolean isInternallyRouted() {
        return !local && overInternalHop();
    }

    @Override
    public void setBufferSize(int size) {
        // no buffer
    }

    @Override
    public int getBufferSize() {
        return 0;
    }

    @Override
    public void resetBuffer() {
        // no buffer
    }
}
