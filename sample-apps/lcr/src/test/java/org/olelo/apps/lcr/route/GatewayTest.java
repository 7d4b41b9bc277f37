package org.olelo.apps.lcr.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The Request-URI a gateway gets: strip, prefix, scheme, port, params, transport. */
class GatewayTest {

    @Test
    void stripsThenPrefixes() {
        Gateway g = new Gateway(1, "gw", "127.0.0.1", null, 5080, null, false, 1, 2, "00", null, 0, 0);
        assertEquals("0030123", g.rewrite("4930123"));
        assertEquals("00", g.rewrite("4"), "strip longer than the number leaves the prefix");
        assertEquals("sip:0030123@127.0.0.1:5080;transport=udp", g.uri("4930123"));
    }

    @Test
    void schemeTransportParamsAndHosts() {
        Gateway tls = new Gateway(2, null, null, "gw.example.net", 0, ";user=phone", true, 3, 0, null, "t", 5, 0);
        assertEquals("2", tls.name(), "a gateway without a name is named by its id");
        assertEquals("sips:49@gw.example.net;user=phone;transport=tls", tls.uri("49"));
        Gateway v6 = new Gateway(3, "v6", "::1", "ignored.example", 5062, null, false, 0, 0, null, null, 0, 0);
        assertEquals("sip:49@[::1]:5062", v6.uri("49"));
        assertNull(new Gateway(4, "x", " ", null, 0, null, false, 9, 0, null, null, 0, 0).host());
    }
}
