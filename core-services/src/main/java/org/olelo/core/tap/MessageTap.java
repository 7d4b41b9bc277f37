package org.olelo.core.tap;

import java.net.InetSocketAddress;
import org.olelo.core.transport.Transport;

/**
 * Sees the raw bytes of every message the server exchanges with the network: each message read
 * by a listening point before it is parsed, and each message a listening point is about to write
 * (so that a traced request always comes before the answer to it; a write that then fails is
 * still shown). Messages the server passes to itself (the internal transport of application
 * composition) are not shown. Installed with {@code SipCore.setTap}.
 *
 * <p>Threads: called on the thread that reads (a transport reader thread) or sends (a reader,
 * timer or application thread), possibly on several at once. Implementations must be
 * thread-safe, must not block and must not keep {@code data} beyond the call without copying it;
 * they must not throw.
 */
public interface MessageTap {

    /**
     * A message was read from the network.
     *
     * @param data      the bytes as read (not to be modified)
     * @param transport the listening point that read them
     * @param source    the peer that sent them
     */
    void received(byte[] data, Transport transport, InetSocketAddress source);

    /**
     * A message is being written to the network.
     *
     * @param data        the bytes to be written (not to be modified)
     * @param transport   the listening point that writes them
     * @param destination the peer they go to
     */
    void sent(byte[] data, Transport transport, InetSocketAddress destination);
}
