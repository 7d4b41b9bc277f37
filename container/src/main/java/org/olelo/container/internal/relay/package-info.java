/**
 * Relaying of requests inside dialogs: only along Record-Route entries this server wrote and
 * signed for the dialog, so that the server is no open relay for requests that merely look as if
 * they belonged to a dialog.
 */
package org.olelo.container.internal.relay;
