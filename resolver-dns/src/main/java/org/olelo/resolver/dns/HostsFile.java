package org.olelo.resolver.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;
import org.xbill.DNS.hosts.HostsFileParser;

/**
 * The operating system's hosts file, asked before DNS for the address of a host (as the system
 * resolver does), so that names an operator put there keep working. Off when the locator asks
 * only its configured servers' view ({@code dns.servers} given).
 *
 * <p>Threads: safe from several threads (the parser synchronises and re-reads a changed file).
 */
final class HostsFile {

    private final HostsFileParser parser;

    private HostsFile(HostsFileParser parser) {
        this.parser = parser;
    }

    /** The system's hosts file. */
    static HostsFile system() {
        return new HostsFile(new HostsFileParser());
    }

    /** A given hosts file. */
    static HostsFile of(Path file) {
        return new HostsFile(new HostsFileParser(file));
    }

    /** No hosts file: every name goes to DNS. */
    static HostsFile none() {
        return new HostsFile(null);
    }

    /** The address the file gives the host (IPv4 first), or null. */
    InetAddress lookup(Name host) {
        if (parser == null) {
            return null;
        }
        try {
            InetAddress a = parser.getAddressForHost(host, Type.A).orElse(null);
            return a != null ? a : parser.getAddressForHost(host, Type.AAAA).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
