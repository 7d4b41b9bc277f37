/**
 * The media-relay sample application: a record-routing proxy that has rtpengine relay the media of
 * the calls it sees ({@link org.olelo.apps.media.MediaRelayServlet}), with its settings
 * ({@link org.olelo.apps.media.MediaConfig}), statistics and {@code rtpengine.*} management
 * commands. The control protocol itself is in {@link org.olelo.apps.media.ng}.
 */
package org.olelo.apps.media;
