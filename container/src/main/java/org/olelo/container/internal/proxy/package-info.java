/**
 * The stateful proxy of JSR 359 on Olelo's transaction layer: branches, parallel and sequential
 * forking, Timer C, record-routing, best-response selection (RFC 3261 §16.7), CANCEL handling, and
 * the relaying of subsequent requests in a record-routed dialog.
 */
package org.olelo.container.internal.proxy;
