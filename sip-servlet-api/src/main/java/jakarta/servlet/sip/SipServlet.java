package jakarta.servlet.sip;

import java.io.IOException;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Base class of SIP servlets. {@link #service(ServletRequest, ServletResponse)} passes requests
 * to {@link #doRequest(SipServletRequest)} and responses to {@link #doResponse(SipServletResponse)},
 * which dispatch further by method and by status class; subclasses override the {@code doXxx}
 * methods they need.
 *
 * <p>Unless overridden, a handler for a request method answers an <em>initial</em> request with
 * 500 (the application did not handle it) and ignores subsequent requests; ACK, CANCEL and all
 * responses are ignored.
 *
 * <p>The string constants are the names of the servlet context attributes (and, for
 * {@link #SIP_APPLICATIONSESSION_KEY}, {@link #SIP_APPLICATIONSESSION_ID} and
 * {@link #SIP_APPLICATIONSESSION_CREATE}, of request attributes) defined by this API.
 */
public abstract class SipServlet extends GenericServlet {

    private static final long serialVersionUID = 1L;

    /** Context attribute holding the application's {@link SipFactory}. */
    public static final String SIP_FACTORY = "jakarta.servlet.sip.SipFactory";

    /** Context attribute holding the application's {@link TimerService}. */
    public static final String TIMER_SERVICE = "jakarta.servlet.sip.TimerService";

    /**
     * Context attribute holding the container's {@link DnsResolver}.
     *
     * @since 2.0
     */
    public static final String DNS_RESOLVER = "jakarta.servlet.sip.DnsResolver";

    /** Context attribute holding an unmodifiable {@code List<String>} of the option tags the container supports. */
    public static final String SUPPORTED = "jakarta.servlet.sip.supported";

    /**
     * Context attribute holding an unmodifiable {@code List<String>} of the numbers of the RFCs
     * the container implements.
     *
     * @since 1.1
     */
    public static final String SUPPORTED_RFCs = "jakarta.servlet.sip.supportedRfcs";

    /**
     * Context attribute holding an unmodifiable {@code List<SipURI>} of the container's SIP
     * listening points the application may send from.
     *
     * @since 1.1
     */
    public static final String OUTBOUND_INTERFACES = "jakarta.servlet.sip.outboundInterfaces";

    /**
     * Context attribute holding an unmodifiable {@code List<java.net.InetAddress>} of the
     * addresses the application may send from.
     *
     * @since 2.0
     */
    public static final String OUTBOUND_ADDRESSES = "jakarta.servlet.sip.outboundAddresses";

    /**
     * Context attribute holding the application's {@link SipSessionsUtil}.
     *
     * @since 1.1
     */
    public static final String SIP_SESSIONS_UTIL = "jakarta.servlet.sip.SipSessionsUtil";

    /**
     * Context attribute that once told whether the container supports reliable provisional
     * responses (RFC 3262).
     *
     * @deprecated support is mandatory; see {@link #SUPPORTED}
     */
    @Deprecated
    public static final String PRACK_SUPPORTED = "jakarta.servlet.sip.100rel";

    /**
     * Request attribute through which a non-SIP request (for example HTTP) of a converged
     * application names, by key, the {@link SipApplicationSession} it belongs to.
     *
     * @since 2.0
     */
    public static final String SIP_APPLICATIONSESSION_KEY = "jakarta.servlet.sip.ApplicationSessionKey";

    /**
     * Request attribute through which a non-SIP request of a converged application names, by
     * identifier, the {@link SipApplicationSession} it belongs to.
     *
     * @since 2.0
     */
    public static final String SIP_APPLICATIONSESSION_ID = "jakarta.servlet.sip.ApplicationSessionId";

    /**
     * Request attribute ({@code Boolean}) telling whether the {@link SipApplicationSession} named
     * by {@link #SIP_APPLICATIONSESSION_KEY} is created if it does not exist.
     *
     * @since 2.0
     */
    public static final String SIP_APPLICATIONSESSION_CREATE = "jakarta.servlet.sip.ApplicationSession.create";

    /** Creates a SIP servlet; initialisation happens in {@code init}. */
    public SipServlet() {
        super();
    }

    /**
     * Dispatches a SIP message: the container passes either a request (and {@code null} as the
     * response) or a response (and {@code null} as the request).
     *
     * @param req the incoming {@link SipServletRequest}, or {@code null} for a response
     * @param resp the incoming {@link SipServletResponse}, or {@code null} for a request
     * @throws ServletException if the handler fails
     * @throws IOException if sending a message fails
     */
    @Override
    public void service(ServletRequest req, ServletResponse resp) throws ServletException, IOException {
        if (req != null) {
            doRequest((SipServletRequest) req);
        } else {
            doResponse((SipServletResponse) resp);
        }
    }

    /**
     * Dispatches a request to the {@code doXxx} method of its method. A request whose method has
     * no handler is answered with 500 if it is initial and ignored otherwise.
     *
     * @param req the request
     * @throws ServletException if the handler fails
     * @throws IOException if sending a message fails
     */
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        switch (req.getMethod()) {
            case "INVITE" -> doInvite(req);
            case "ACK" -> doAck(req);
            case "OPTIONS" -> doOptions(req);
            case "BYE" -> doBye(req);
            case "CANCEL" -> doCancel(req);
            case "REGISTER" -> doRegister(req);
            case "SUBSCRIBE" -> doSubscribe(req);
            case "NOTIFY" -> doNotify(req);
            case "MESSAGE" -> doMessage(req);
            case "INFO" -> doInfo(req);
            case "UPDATE" -> doUpdate(req);
            case "REFER" -> doRefer(req);
            case "PUBLISH" -> doPublish(req);
            case "PRACK" -> doPrack(req);
            default -> rejectIfInitial(req);
        }
    }

    /**
     * Handles an INVITE; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doInvite(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles an ACK; does nothing by default.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doAck(SipServletRequest req) throws ServletException, IOException {
    }

    /**
     * Handles an OPTIONS; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doOptions(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles a BYE; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doBye(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles a CANCEL, after the container has already answered it and the cancelled request;
     * does nothing by default.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doCancel(SipServletRequest req) throws ServletException, IOException {
    }

    /**
     * Handles a REGISTER; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doRegister(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles a SUBSCRIBE; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doSubscribe(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles a NOTIFY; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doNotify(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles a MESSAGE; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doMessage(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles an INFO; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doInfo(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles a PRACK; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doPrack(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles an UPDATE; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doUpdate(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles a REFER; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doRefer(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Handles a PUBLISH; by default answers an initial one with 500.
     *
     * @param req the request
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doPublish(SipServletRequest req) throws ServletException, IOException {
        rejectIfInitial(req);
    }

    /**
     * Dispatches a response by status class: 1xx to {@link #doProvisionalResponse}, 2xx to
     * {@link #doSuccessResponse}, and 3xx to 6xx to {@link #doBranchResponse} if it is a
     * {@linkplain SipServletResponse#isBranchResponse() branch response}, otherwise to
     * {@link #doRedirectResponse} (3xx) or {@link #doErrorResponse} (4xx to 6xx).
     *
     * @param resp the response
     * @throws ServletException if the handler fails
     * @throws IOException if sending a message fails
     */
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        int status = resp.getStatus();
        if (status < 200) {
            doProvisionalResponse(resp);
        } else if (status < 300) {
            doSuccessResponse(resp);
        } else if (resp.isBranchResponse()) {
            doBranchResponse(resp);
        } else if (status < 400) {
            doRedirectResponse(resp);
        } else {
            doErrorResponse(resp);
        }
    }

    /**
     * Handles a 1xx response; does nothing by default.
     *
     * @param resp the response
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doProvisionalResponse(SipServletResponse resp) throws ServletException, IOException {
    }

    /**
     * Handles a 2xx response; does nothing by default. A UAC application must send the ACK of a
     * 2xx response to INVITE itself ({@link SipServletResponse#createAck()}).
     *
     * @param resp the response
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doSuccessResponse(SipServletResponse resp) throws ServletException, IOException {
    }

    /**
     * Handles a 3xx response; does nothing by default.
     *
     * @param resp the response
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doRedirectResponse(SipServletResponse resp) throws ServletException, IOException {
    }

    /**
     * Handles a 4xx, 5xx or 6xx response; does nothing by default.
     *
     * @param resp the response
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     */
    protected void doErrorResponse(SipServletResponse resp) throws ServletException, IOException {
    }

    /**
     * Handles a non-2xx final response received on one branch of a proxy operation that has not
     * chosen its best response yet; does nothing by default. The application may, for example,
     * create new branches from here.
     *
     * @param resp the branch response
     * @throws ServletException if handling fails
     * @throws IOException if sending a message fails
     * @since 1.1
     */
    protected void doBranchResponse(SipServletResponse resp) throws ServletException, IOException {
    }

    /**
     * Writes a message to the servlet context log.
     *
     * @param msg the message
     */
    @Override
    public void log(String msg) {
        getServletContext().log(msg);
    }

    /**
     * Writes a message and the stack trace of a throwable to the servlet context log.
     *
     * @param message the message
     * @param t the throwable to log
     */
    @Override
    public void log(String message, Throwable t) {
        getServletContext().log(message, t);
    }

    private void rejectIfInitial(SipServletRequest req) throws IOException {
        if (req.isInitial()) {
            req.createResponse(SipServletResponse.SC_SERVER_INTERNAL_ERROR, "Request not handled by application")
                    .send();
        }
    }
}
