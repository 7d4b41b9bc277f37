package org.olelo.apps.registrar.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * When a registered Contact is taken to be unreachable from here, so that requests for it go to the
 * address the REGISTER came from instead (Kamailio's {@code nat_uac_test} and {@code fix_nated_register}):
 * the context-param {@code nat.detect}.
 *
 * <ul>
 *   <li>{@link #ALWAYS}: whenever the Contact's host or port is not the source of the REGISTER;</li>
 *   <li>{@link #PRIVATE}: only when, besides, the Contact's host is an address no one outside its
 *       own network can reach: RFC 1918 ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}),
 *       shared address space ({@code 100.64/10}), link-local ({@code 169.254/16}, {@code fe80::/10})
 *       or unique local IPv6 ({@code fc00::/7}); a host name counts as reachable;</li>
 *   <li>{@link #NEVER}: the Contact is always used as it is.</li>
 * </ul>
 * An RFC 5626 outbound binding is always reached through its flow, whatever this says.
 *
 * <p>Stateless; any thread; never looks a name up.
 */
public enum NatDetect {
    /** Every Contact that is not the REGISTER's source. */
    ALWAYS,
    /** Contacts with a private or link-local address that is not the source. */
    PRIVATE,
    /** None. */
    NEVER;

    /**
     * @param text {@code always}, {@code private} or {@code never}, any case
     * @return the mode
     * @throws IllegalArgumentException for anything else
     */
    public static NatDetect parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "always" -> ALWAYS;
            case "private" -> PRIVATE;
            case "never" -> NEVER;
            default -> throw new IllegalArgumentException("expected always, private or never but found '" + text + "'");
        };
    }

    /**
     * @param contact the registered contact
     * @param source  where its REGISTER came from ({@code sip:HOST:PORT})
     * @return whether requests for the contact go to the source
     */
    boolean behindNat(UriParts contact, UriParts source) {
        if (this == NEVER || source.host().equals(contact.host()) && source.effectivePort() == contact.effectivePort()) {
            return false;
        }
        return this == ALWAYS || isPrivate(contact.host());
    }

    /** True for an IP literal in a private, shared or link-local range; false for a name. */
    static boolean isPrivate(String host) {
        if (!host.matches("[0-9.]+") && !(host.indexOf(':') >= 0 && host.matches("[0-9a-fA-F:.]+"))) {
            return false; // a host name: never resolved here
        }
        byte[] a;
        try {
            a = InetAddress.getByName(host).getAddress(); // a literal: no look-up
        } catch (UnknownHostException e) {
            return false;
        }
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        if (a.length == 4) {
            return b0 == 10 || b0 == 172 && (b1 & 0xF0) == 16 || b0 == 192 && b1 == 168
                    || b0 == 100 && (b1 & 0xC0) == 64 || b0 == 169 && b1 == 254;
        }
        return (b0 & 0xFE) == 0xFC || b0 == 0xFE && (b1 & 0xC0) == 0x80;
    }
}
