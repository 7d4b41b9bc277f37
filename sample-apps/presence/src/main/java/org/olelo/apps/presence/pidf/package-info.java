/**
 * Presence documents: reading a published PIDF body safely ({@link org.olelo.apps.presence.pidf.Pidf}),
 * composing the state of a presentity from its publications
 * ({@link org.olelo.apps.presence.pidf.PidfComposer}) and writing watcher information documents
 * ({@link org.olelo.apps.presence.pidf.WatcherInfoDocument}). No SIP here; plain Java and the JDK's XML parser.
 */
package org.olelo.apps.presence.pidf;
