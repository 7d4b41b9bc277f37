/**
 * rtpengine's ng control protocol, free of the servlet API: the bencode codec ({@link
 * org.olelo.apps.media.ng.Bencode}), the UDP client with retransmission ({@link
 * org.olelo.apps.media.ng.NgClient}), the instances with their weights and health ({@link
 * org.olelo.apps.media.ng.NgInstances}) and the flags of offers and answers ({@link
 * org.olelo.apps.media.ng.NgFlags}).
 */
package org.olelo.apps.media.ng;
