package org.olelo.arquillian;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

/**
 * Where the Olelo under test listens, injected with {@code @ArquillianResource OleloEndpoints olelo}:
 * SIP on UDP and TCP on the same port of 127.0.0.1, and the HTTP listener. Immutable.
 *
 * @param host        the SIP host, {@code 127.0.0.1}
 * @param port        the SIP port, UDP and TCP
 * @param transport   the transport the configuration names, {@code udp} or {@code tcp}
 * @param httpPort    the port of the HTTP listener on 127.0.0.1
 * @param application the name of the application deployed last, or null
 * @param deploy      the server's deploy folder (applications and routing descriptor)
 */
public record OleloEndpoints(String host, int port, String transport, int httpPort, String application, Path deploy) {

    /** @return {@code host:port}, e.g. for {@code SipTestClient.proxy(...)} */
    public String hostPort() {
        return host + ":" + port;
    }

    /** @return a SIP URI of the server with a user: {@code sip:user@127.0.0.1:port} ({@code ;transport=tcp} over TCP) */
    public String sipUri(String user) {
        return "sip:" + (user == null ? "" : user + "@") + hostPort() + (transport.equals("tcp") ? ";transport=tcp" : "");
    }

    /** @return {@code http://127.0.0.1:port/}, the base of the HTTP listener */
    public URL httpUrl() {
        try {
            return URI.create("http://" + host + ":" + httpPort + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    OleloEndpoints withApplication(String name) {
        return new OleloEndpoints(host, port, transport, httpPort, name, deploy);
    }
}
