/** The per-application {@code SipFactory} and {@code SipSessionsUtil}. */
package org.olelo.container.internal.factory;
