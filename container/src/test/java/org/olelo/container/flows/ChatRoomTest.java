package org.olelo.container.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.olelo.core.testkit.SipText.header;
import static org.olelo.core.testkit.SipText.method;
import static org.olelo.core.testkit.SipText.response;
import static org.olelo.core.testkit.SipText.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.olelo.container.testkit.TestServer;
import org.olelo.core.testkit.SipBuilder;
import org.olelo.core.testkit.SipPeer;

/**
 * The chat room of {@link ChatRoomApp} driven over SIP: members join with a MESSAGE, what one says
 * reaches the others and not the sender, {@code /leave} stops the relaying, a member whose
 * MESSAGE fails is dropped, and the goodbye the room sends from {@code destroy()} when the server
 * stops reaches the members. Each member sends from one peer and receives at another (its From
 * names the receiving one), so TCP members need no connection reuse.
 */
class ChatRoomTest {

    private static final long WAIT = 3000;
    private static final String ROUTING =
            "MESSAGE: (\"" + ChatRoomApp.NAME + "\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\")\n";

    @TempDir
    Path tmp;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One member: the peer it sends from, the peer it receives at, and its address. */
    private record Member(SipPeer out, SipPeer in, String uri) implements AutoCloseable {
        @Override
        public void close() {
            out.close();
            in.close();
        }
    }

    private Member member(String name) throws Exception {
        SipPeer in = server.callee();
        return new Member(server.caller(), in, server.uriOf(name, in));
    }

    /** The member sends a line to the room and gets 200. */
    private void say(Member m, String text) throws Exception {
        String room = server.uri("room");
        m.out().send(SipBuilder.request("MESSAGE", room).via(m.out()).from("<" + m.uri() + ">")
                .body("text/plain", text));
        String answer = m.out().next(WAIT);
        assertNotNull(answer, "an answer to " + text);
        assertEquals(200, status(answer), answer);
    }

    /** The next line the room sends the member (answered with {@code status}), or null. */
    private static String heard(Member m, long wait, int status) throws Exception {
        String msg = m.in().receive(wait);
        if (msg == null) {
            return null;
        }
        assertEquals("MESSAGE", method(msg), msg);
        assertEquals("<" + ChatRoomApp.ROOM + ">", header(msg, "From").replaceAll(";tag=.*", ""), msg);
        m.in().send(response(msg, status, status == 200 ? "OK" : "Temporarily Unavailable", "in", ""));
        return msg.substring(msg.indexOf("\r\n\r\n") + 4);
    }

    private static String heard(Member m) throws Exception {
        return heard(m, WAIT, 200);
    }

    @ParameterizedTest
    @EnumSource(SipPeer.Kind.class)
    void linesReachTheOtherMembersUntilTheyLeave(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("chatroom", ChatRoomApp.app()).routing(ROUTING).transport(kind).start(tmp);
        try (Member alice = member("alice"); Member bob = member("bob")) {
            say(alice, "/join");
            assertEquals("welcome to " + ChatRoomApp.ROOM, heard(alice));
            say(bob, "hello");
            assertEquals("welcome to " + ChatRoomApp.ROOM, heard(bob), "the first MESSAGE joins");
            assertEquals(bob.uri() + ": hello", heard(alice));
            say(alice, "hi bob");
            assertEquals(alice.uri() + ": hi bob", heard(bob));
            assertNull(alice.in().receive(300), "no echo to the sender");
            say(bob, "/leave");
            assertEquals("bye", heard(bob));
            say(alice, "anyone?");
            assertNull(bob.in().receive(500), "nothing for a member who left");
            assertNull(alice.in().receive(100));
        }
    }

    /** A member whose MESSAGE gets an error is no longer a member. */
    @Test
    void aMemberWhoseMessageFailsIsDropped() throws Exception {
        server = TestServer.builder().app("chatroom", ChatRoomApp.app()).routing(ROUTING).transport(SipPeer.Kind.UDP).start(tmp);
        try (Member alice = member("alice"); Member bob = member("bob")) {
            say(alice, "/join");
            heard(alice);
            say(bob, "/join");
            heard(bob);
            say(alice, "one");
            assertEquals(alice.uri() + ": one", heard(bob, WAIT, 480));
            Thread.sleep(200);
            say(alice, "two");
            assertNull(bob.in().receive(500), "bob was dropped after his 480");
        }
    }

    /**
     * The room says goodbye from {@code destroy()} when the server stops: the application is
     * destroyed while the server can still send.
     */
    @ParameterizedTest
    @EnumSource(value = SipPeer.Kind.class, names = {"UDP", "TCP"})
    void membersHearTheGoodbyeWhenTheServerStops(SipPeer.Kind kind) throws Exception {
        server = TestServer.builder().app("chatroom", ChatRoomApp.app()).routing(ROUTING).transport(kind).start(tmp);
        try (Member alice = member("alice")) {
            say(alice, "/join");
            heard(alice);
            Thread stopping = Thread.ofVirtual().start(server::close);
            assertEquals("the room is closing", heard(alice));
            stopping.join(10_000);
            server = null;
        }
    }
}
