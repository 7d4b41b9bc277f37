package org.olelo.container.flows;

import org.olelo.container.internal.deploy.TestApps;

/**
 * A call-forwarding B2BUA written against the SIP Servlet API only, the kind of application other
 * containers ship as an example: a table of forwarded users (init parameters
 * {@code forward.<user>} = the user calls go to instead), one {@code B2buaHelper}-linked leg per
 * call, and everything relayed both ways: provisional and final responses (with their bodies), the
 * ACK of a 2xx, CANCEL, BYE and any other request inside the dialog. The forwarded leg keeps the
 * host, port and parameters of the Request-URI and changes its user, and its To names the new
 * user. A call to a user without an entry gets 404.
 */
final class ForwardingB2buaApp {

    /** The application's name in {@code sip.xml} and in routing lines. */
    static final String NAME = "forwarding";

    private ForwardingB2buaApp() {
    }

    /**
     * @param table pairs of (user, forwarded-to user)
     * @return the application
     */
    static TestApps withTable(String... table) {
        StringBuilder params = new StringBuilder();
        for (int i = 0; i + 1 < table.length; i += 2) {
            params.append("<init-param><param-name>forward.").append(table[i]).append("</param-name><param-value>")
                    .append(table[i + 1]).append("</param-value></init-param>\n");
        }
        return TestApps.app().java("fw.Forwarding", SOURCE).sipXml("""
                <sip-app>
                  <app-name>%s</app-name>
                  <servlet><servlet-name>forwarding</servlet-name><servlet-class>fw.Forwarding</servlet-class>
                  %s</servlet>
                </sip-app>
                """.formatted(NAME, params));
    }

    private static final String SOURCE = """
            package fw;

            import jakarta.servlet.ServletException;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.util.Enumeration;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            public class Forwarding extends SipServlet {
                private final Map<String, String> table = new HashMap<>();
                private SipFactory factory;

                @Override
                public void init() throws ServletException {
                    factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
                    for (Enumeration<String> e = getInitParameterNames(); e.hasMoreElements(); ) {
                        String name = e.nextElement();
                        if (name.startsWith("forward.")) {
                            table.put(name.substring("forward.".length()), getInitParameter(name));
                        }
                    }
                }

                @Override
                protected void doInvite(SipServletRequest req) throws ServletException, IOException {
                    if (!req.isInitial()) {
                        relayInDialog(req);
                        return;
                    }
                    SipURI target = (SipURI) req.getRequestURI().clone();
                    String to = table.get(target.getUser());
                    if (to == null) {
                        req.createResponse(SipServletResponse.SC_NOT_FOUND).send();
                        return;
                    }
                    target.setUser(to);
                    Address toAddress = factory.createAddress(factory.createSipURI(to, target.getHost()));
                    SipServletRequest leg = req.getB2buaHelper().createRequest(req, true,
                            Map.of("To", List.of(toAddress.toString())));
                    leg.setRequestURI(target);
                    leg.send();
                }

                @Override
                protected void doAck(SipServletRequest ack) throws ServletException, IOException {
                    B2buaHelper helper = ack.getB2buaHelper();
                    SipSession other = helper.getLinkedSession(ack.getSession());
                    if (other == null) {
                        return;
                    }
                    for (SipServletMessage m : helper.getPendingMessages(other, UAMode.UAC)) {
                        if (m instanceof SipServletResponse r && r.getStatus() / 100 == 2 && r.getMethod().equals("INVITE")) {
                            SipServletRequest relayed = r.createAck();
                            copyBody(ack, relayed);
                            relayed.send();
                        }
                    }
                }

                @Override
                protected void doCancel(SipServletRequest cancel) throws ServletException, IOException {
                    B2buaHelper helper = cancel.getB2buaHelper();
                    SipSession other = helper.getLinkedSession(cancel.getSession());
                    if (other != null) {
                        helper.createCancel(other).send();
                    }
                }

                @Override
                protected void doBye(SipServletRequest req) throws ServletException, IOException {
                    relayInDialog(req);
                }

                @Override
                protected void doRequest(SipServletRequest req) throws ServletException, IOException {
                    if (req.isInitial() || req.getMethod().equals("INVITE") || req.getMethod().equals("ACK")
                            || req.getMethod().equals("CANCEL") || req.getMethod().equals("BYE")) {
                        super.doRequest(req);
                    } else {
                        relayInDialog(req);
                    }
                }

                private void relayInDialog(SipServletRequest req) throws IOException {
                    B2buaHelper helper = req.getB2buaHelper();
                    SipSession other = helper.getLinkedSession(req.getSession());
                    if (other == null || !other.isValid()) {
                        req.createResponse(SipServletResponse.SC_CALL_LEG_DONE).send();
                        return;
                    }
                    helper.createRequest(other, req, null).send();
                }

                @Override
                protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
                    if (resp.getMethod().equals("CANCEL") || resp.getStatus() == 100) {
                        return;
                    }
                    SipServletRequest request = resp.getRequest();
                    B2buaHelper helper = request.getB2buaHelper();
                    SipServletRequest original = helper.getLinkedSipServletRequest(request);
                    if (original == null || original.isCommitted()) {
                        return; // the caller cancelled: the container already answered it with 487
                    }
                    SipServletResponse relayed = request.isInitial() && resp.getStatus() < 300
                            ? helper.createResponseToOriginalRequest(original.getSession(), resp.getStatus(),
                                    resp.getReasonPhrase())
                            : original.createResponse(resp.getStatus(), resp.getReasonPhrase());
                    copyBody(resp, relayed);
                    relayed.send();
                }

                private static void copyBody(SipServletMessage from, SipServletMessage to) throws IOException {
                    byte[] body = from.getRawContent();
                    if (body != null && body.length > 0 && from.getContentType() != null) {
                        to.setContent(body, from.getContentType());
                    }
                }
            }
            """;
}
