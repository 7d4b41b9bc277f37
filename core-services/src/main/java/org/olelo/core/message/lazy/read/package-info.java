/**
 * The lazy message: a received message whose headers are parsed, with JAIN-SIP's grammar, only when
 * read, over the index of {@link org.olelo.core.message.lazy.RawMessage}. Apart from the index so
 * that the parser, which builds on the index, and this reader of the parser's checks depend one way.
 */
package org.olelo.core.message.lazy.read;
