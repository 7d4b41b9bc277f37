/**
 * Call forwarding on busy and on no answer, as a record-routing proxy in front of the location
 * service: the SIP servlet counterpart of a Kamailio {@code failure_route} that relays to a new
 * target. See {@link org.olelo.apps.forwarding.ForwardingServlet}.
 */
package org.olelo.apps.forwarding;
