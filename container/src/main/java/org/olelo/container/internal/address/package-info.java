/**
 * Addresses and URIs of the container: {@link org.olelo.container.internal.address.SipURIImpl},
 * {@link org.olelo.container.internal.address.TelURLImpl},
 * {@link org.olelo.container.internal.address.GenericURIImpl},
 * {@link org.olelo.container.internal.address.AddressImpl} and
 * {@link org.olelo.container.internal.address.ParameterableImpl}, with
 * {@link org.olelo.container.internal.address.Uris} as entry point for parsing and for the
 * conversions to and from JAIN-SIP.
 *
 * <p>Parsing is done by small strict parsers of this package rather than by JAIN-SIP, whose
 * parsers accept some invalid text silently (a URI with a space is cut short, an empty user
 * becomes {@code null}, ports above 65535 pass), keep the escapes of quoted display names and
 * fail on the wildcard contact. JAIN-SIP objects are produced from, and read through, the text
 * form.
 *
 * <p>Objects held by system headers are frozen with {@code setReadOnly()}; their mutators then
 * throw {@link java.lang.IllegalStateException}. {@code clone()} always returns a deep, writable
 * copy.
 */
package org.olelo.container.internal.address;
