/**
 * Dialog tracking: the table of calls in progress ({@link org.olelo.container.internal.dialog.DialogTracker}),
 * fed by the dialog events of every SIP session, with the call length limit and the management
 * commands {@code dlg.*} ({@link org.olelo.container.internal.dialog.DialogCommands}). Depends on
 * the session package and the extension API; nothing on the message path depends on it.
 */
package org.olelo.container.internal.dialog;
