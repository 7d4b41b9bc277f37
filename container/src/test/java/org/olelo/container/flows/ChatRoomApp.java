package org.olelo.container.flows;

import org.olelo.container.internal.deploy.TestApps;

/**
 * A chat room written against the SIP Servlet API only, the kind of application other containers
 * ship as an example. Anyone who sends a MESSAGE to the room becomes a member (identified by the
 * URI of its From) and is welcomed; {@code /join} joins without saying anything; each other text is
 * relayed to the other members as {@code <sender>: <text>}, in a MESSAGE from the room's address
 * (init parameter {@code room}); {@code /leave} leaves (the member gets {@code bye}). A member whose
 * MESSAGE fails with an error (or times out) is dropped. At most 20 members: a MESSAGE from one
 * more gets 486. When the application is destroyed the members get {@code the room is closing}.
 * The SipFactory comes from the JSR 289 JNDI name, the way older applications look it up.
 */
final class ChatRoomApp {

    /** The application's name in {@code sip.xml} and in routing lines. */
    static final String NAME = "chatroom";

    /** The room's own address: the From of what it sends. */
    static final String ROOM = "sip:room@chat.example.com";

    private ChatRoomApp() {
    }

    /** @return the application */
    static TestApps app() {
        return TestApps.app().java("chat.Room", SOURCE).sipXml("""
                <sip-app>
                  <app-name>%s</app-name>
                  <servlet><servlet-name>room</servlet-name><servlet-class>chat.Room</servlet-class>
                    <init-param><param-name>room</param-name><param-value>%s</param-value></init-param>
                    <load-on-startup>1</load-on-startup>
                  </servlet>
                </sip-app>
                """.formatted(NAME, ROOM));
    }

    private static final String SOURCE = """
            package chat;

            import jakarta.servlet.ServletException;
            import jakarta.servlet.sip.*;
            import java.io.IOException;
            import java.nio.charset.StandardCharsets;
            import java.util.ArrayList;
            import java.util.LinkedHashSet;
            import java.util.List;
            import java.util.Set;
            import javax.naming.InitialContext;
            import javax.naming.NamingException;

            public class Room extends SipServlet {
                private static final int MAX_MEMBERS = 20;
                private static final String TEXT = "text/plain;charset=UTF-8";
                private final Set<String> members = new LinkedHashSet<>();
                private SipFactory factory;
                private String room;

                @Override
                public void init() throws ServletException {
                    try {
                        factory = (SipFactory) new InitialContext().lookup("java:comp/env/sip/chatroom/SipFactory");
                    } catch (NamingException e) {
                        throw new ServletException("no SipFactory in JNDI", e);
                    }
                    room = getInitParameter("room");
                }

                @Override
                protected void doMessage(SipServletRequest req) throws ServletException, IOException {
                    String member = req.getFrom().getURI().toString();
                    String text = text(req);
                    boolean joined;
                    synchronized (members) {
                        joined = !members.contains(member);
                        if (joined && members.size() >= MAX_MEMBERS) {
                            req.createResponse(SipServletResponse.SC_BUSY_HERE, "Room Full").send();
                            return;
                        }
                        members.add(member);
                    }
                    req.createResponse(SipServletResponse.SC_OK).send();
                    if (text.equals("/leave")) {
                        synchronized (members) {
                            members.remove(member);
                        }
                        send(member, "bye");
                        return;
                    }
                    if (joined) {
                        send(member, "welcome to " + room);
                    }
                    if (!text.equals("/join")) {
                        for (String other : others(member)) {
                            send(other, member + ": " + text);
                        }
                    }
                }

                @Override
                protected void doErrorResponse(SipServletResponse resp) {
                    synchronized (members) {
                        members.remove(resp.getTo().getURI().toString());
                    }
                    resp.getApplicationSession().invalidate();
                }

                @Override
                protected void doSuccessResponse(SipServletResponse resp) {
                    resp.getApplicationSession().invalidate();
                }

                @Override
                public void destroy() {
                    for (String member : others(null)) {
                        try {
                            send(member, "the room is closing");
                        } catch (IOException | ServletException | RuntimeException e) {
                            log("goodbye to a member failed", e);
                        }
                    }
                }

                private List<String> others(String except) {
                    synchronized (members) {
                        List<String> out = new ArrayList<>(members);
                        out.remove(except);
                        return out;
                    }
                }

                private void send(String to, String text) throws IOException, ServletException {
                    // URIs, not address strings: a bare "sip:x@h;transport=tcp" parsed as an address
                    // would make transport a header parameter (RFC 3261 section 20)
                    SipServletRequest m = factory.createRequest(factory.createApplicationSession(), "MESSAGE",
                            factory.createURI(room), factory.createURI(to));
                    m.setContent(text.getBytes(StandardCharsets.UTF_8), TEXT);
                    m.send();
                }

                private static String text(SipServletRequest req) throws IOException {
                    byte[] raw = req.getRawContent();
                    return raw == null ? "" : new String(raw, StandardCharsets.UTF_8).trim();
                }
            }
            """;
}
