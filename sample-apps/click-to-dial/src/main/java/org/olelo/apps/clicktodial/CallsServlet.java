package org.olelo.apps.clicktodial;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.sip.SipApplicationSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The REST API of click-to-dial, under {@code /click-to-dial/calls}:
 * <ul>
 * <li>{@code POST /calls} with {@code {"from": "sip:alice@...", "to": "sip:bob@..."}} starts the
 *     call as the MESSAGE trigger does (A = from is called first) and answers {@code 202} with
 *     {@code {"id": ...}} and a {@code Location};</li>
 * <li>{@code GET /calls/{id}} answers {@code {"id", "from", "to", "state"}}, the state being
 *     {@code calling}, {@code connected}, {@code ended} or {@code failed};</li>
 * <li>{@code DELETE /calls/{id}} ends the call (BYE to both parties once connected) and answers
 *     {@code 202} with the call.</li>
 * </ul>
 * Bad JSON or addresses get {@code 400}, an unknown id {@code 404}, each with {@code {"error": ...}}.
 * Access: with the context parameter {@code rest.token} set, every request must carry
 * {@code Authorization: Bearer <token>}; without it only loopback clients are served ({@code 403}).
 *
 * <p>Runs on the HTTP listener's worker threads; it never waits for SIP (the call proceeds on
 * its application session's executor).
 */
@WebServlet(urlPatterns = "/calls/*")
public class CallsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Largest request body read. */
    private static final int MAX_BODY = 8192;

    private transient Dialer dialer;
    private transient byte[] token;

    @Override
    public void init() {
        dialer = (Dialer) getServletContext().getAttribute(Dialer.ATTRIBUTE);
        String t = getServletContext().getInitParameter("rest.token");
        token = t == null || t.isBlank() ? null : ("Bearer " + t.trim()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!allowed(req)) {
            reply(resp, 403, Map.of("error", token == null ? "only loopback clients may use this API (set rest.token to allow others)"
                    : "missing or wrong bearer token"));
            return;
        }
        if (dialer == null) {
            reply(resp, 503, Map.of("error", "the SIP side is not running"));
            return;
        }
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod();
        if (path.equals("/") || path.isEmpty()) {
            if (method.equals("POST")) {
                create(req, resp);
            } else {
                resp.setHeader("Allow", "POST");
                reply(resp, 405, Map.of("error", "use POST to start a call"));
            }
            return;
        }
        ThirdPartyCall call = dialer.calls.get(path.substring(1));
        if (call == null) {
            reply(resp, 404, Map.of("error", "no such call"));
        } else if (method.equals("GET")) {
            reply(resp, 200, describe(call));
        } else if (method.equals("DELETE")) {
            dialer.hangUp(call);
            reply(resp, 202, describe(call));
        } else {
            resp.setHeader("Allow", "GET, DELETE");
            reply(resp, 405, Map.of("error", "use GET or DELETE on a call"));
        }
    }

    private void create(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DialRequest parties;
        try {
            JsonNode body = JSON.readTree(read(req));
            if (body == null || !body.isObject() || !body.path("from").isTextual() || !body.path("to").isTextual()) {
                throw new IllegalArgumentException("expected a JSON object with the text fields \"from\" and \"to\"");
            }
            parties = DialRequest.parse(body.get("from").asText() + "\n" + body.get("to").asText(), dialer.factory);
        } catch (JacksonException e) {
            dialer.stats.rejected.increment();
            reply(resp, 400, Map.of("error", "the body is not valid JSON"));
            return;
        } catch (IllegalArgumentException e) {
            dialer.stats.rejected.increment();
            reply(resp, 400, Map.of("error", e.getMessage()));
            return;
        }
        SipApplicationSession as = dialer.factory.createApplicationSession();
        ThirdPartyCall call = dialer.prepare(as, parties);
        dialer.send(call);
        resp.setHeader("Location", req.getContextPath() + "/calls/" + call.id);
        reply(resp, 202, Map.of("id", call.id));
    }

    private static String read(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new IllegalArgumentException("the body is larger than " + MAX_BODY + " bytes");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> describe(ThirdPartyCall call) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", call.id);
        m.put("from", call.parties.a().getURI().toString());
        m.put("to", call.parties.b().getURI().toString());
        m.put("state", call.state());
        return m;
    }

    private boolean allowed(HttpServletRequest req) {
        if (token != null) {
            String given = req.getHeader("Authorization");
            return given != null && MessageDigest.isEqual(token, given.trim().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return InetAddress.getByName(req.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void reply(HttpServletResponse resp, int status, Map<String, ?> body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
