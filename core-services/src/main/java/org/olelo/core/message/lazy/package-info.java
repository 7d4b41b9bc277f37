/**
 * The lazy message: received bytes framed in one pass into an index of header lines
 * ({@link org.olelo.core.message.lazy.RawMessage}), headers parsed with JAIN-SIP's grammar only when
 * read ({@link org.olelo.core.message.lazy.read.LazyMessage}), and forwarding written as the received bytes
 * plus a list of edits ({@link org.olelo.core.message.lazy.Edits}), so that what is not touched is
 * neither parsed nor re-encoded. {@link org.olelo.core.message.lazy.Received} keeps the received
 * bytes with each parsed JAIN-SIP message and the edits the core and the proxy make to it, and gives
 * the transactions and the stateless relay those bytes plus edits for a message nothing else changed.
 */
package org.olelo.core.message.lazy;
