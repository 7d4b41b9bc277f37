/**
 * Fast paths for the headers every message's processing reads: a scan of the received bytes that
 * recognises a header's common simple form and builds exactly the JAIN-SIP header object JAIN-SIP's
 * parser would build, and declines anything else, which JAIN-SIP's parser then handles.
 */
package org.olelo.core.message.fast;
