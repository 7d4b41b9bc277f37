package org.olelo.arquillian.echo;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.annotation.SipServlet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The application the adapter's tests deploy: echoes MESSAGE bodies, rings and answers INVITEs. */
@SipServlet(name = "echo")
public class EchoServlet extends jakarta.servlet.sip.SipServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doMessage(SipServletRequest req) throws ServletException, IOException {
        SipServletResponse r = req.createResponse(200);
        byte[] body = req.getRawContent();
        r.setContent(("pong: " + (body == null ? "" : new String(body, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8),
                "text/plain;charset=utf-8");
        r.send();
    }

    @Override
    protected void doInvite(SipServletRequest req) throws ServletException, IOException {
        req.createResponse(180).send();
        SipServletResponse ok = req.createResponse(200);
        ok.setContent("v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4010 RTP/AVP 0\r\n"
                .getBytes(StandardCharsets.US_ASCII), "application/sdp");
        ok.send();
    }

    @Override
    protected void doBye(SipServletRequest req) throws ServletException, IOException {
        req.createResponse(200).send();
    }
}
