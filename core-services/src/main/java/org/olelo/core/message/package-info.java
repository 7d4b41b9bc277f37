/** Parsing and encoding of SIP messages on JAIN-SIP's parser and message model, and raw replies to broken requests. */
package org.olelo.core.message;
