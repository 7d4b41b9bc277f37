package org.olelo.container.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The access rule of the management endpoints for clients a loopback test cannot be (other hosts). */
class ManagementAccessTest {

    private static final String TOKEN = "s3cret-token-of-sixteen";

    @Test
    void withoutATokenOnlyLoopbackClientsAreServed() throws Exception {
        ManagementAccess open = new ManagementAccess("", e -> { });
        assertEquals(0, open.check(InetAddress.getByName("127.0.0.1"), null));
        assertEquals(0, open.check(InetAddress.getByName("127.9.8.7"), null));
        assertEquals(0, open.check(InetAddress.getByName("::1"), null));
        assertEquals(403, open.check(InetAddress.getByName("192.0.2.10"), null));
        assertEquals(403, open.check(InetAddress.getByName("2001:db8::1"), "Bearer anything"));
        assertEquals(403, open.check(null, null));
    }

    @Test
    void withATokenEveryClientNeedsIt() throws Exception {
        ManagementAccess guarded = new ManagementAccess(TOKEN, e -> { });
        InetAddress far = InetAddress.getByName("192.0.2.10");
        InetAddress local = InetAddress.getByName("127.0.0.1");
        assertEquals(0, guarded.check(far, "Bearer " + TOKEN));
        assertEquals(0, guarded.check(local, "bearer " + TOKEN));
        assertEquals(401, guarded.check(local, null), "loopback clients need it too");
        assertEquals(401, guarded.check(far, "Bearer " + TOKEN + "x"));
        assertEquals(401, guarded.check(far, "Bearer " + TOKEN.substring(1)));
        assertEquals(401, guarded.check(far, "Basic " + TOKEN));
        assertEquals(401, guarded.check(far, "Bearer "));
    }
}
