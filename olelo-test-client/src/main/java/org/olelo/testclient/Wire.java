package org.olelo.testclient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.BiConsumer;

/**
 * The socket side of a test client: sends whole messages to an address and hands each message it
 * receives, with its source, to the client. Its reader threads run the client's dispatch; a
 * datagram or stream that does not parse is dropped (a stream connection is closed).
 */
abstract class Wire implements AutoCloseable {

    /** Where received messages go: called on a reader thread, must not block for long. */
    protected final BiConsumer<SipMessage, InetSocketAddress> sink;

    Wire(BiConsumer<SipMessage, InetSocketAddress> sink) {
        this.sink = sink;
    }

    /** @return the local address requests and Contacts name */
    abstract InetSocketAddress local();

    /** @return the Via transport, {@code UDP} or {@code TCP} */
    abstract String transport();

    /** Sends a message; over TCP on the connection to {@code to}, opened when there is none. */
    abstract void send(SipMessage m, InetSocketAddress to) throws IOException;

    @Override
    public abstract void close();

    /** Starts a daemon thread named for this client. */
    static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
