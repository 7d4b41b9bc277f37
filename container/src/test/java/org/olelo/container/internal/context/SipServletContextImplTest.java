package org.olelo.container.internal.context;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.sip.SipServlet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipServletContextImplTest {

    @TempDir
    Path tmp;

    Path root;
    SipServletContextImpl ctx;
    final List<String> served = new ArrayList<>();
    final Servlet main = new GenericServlet() {
        @Override
        public void service(ServletRequest req, ServletResponse res) {
            served.add("main");
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("app"));
        Files.createDirectories(root.resolve("WEB-INF/classes"));
        Files.writeString(root.resolve("WEB-INF/sip.xml"), "<sip-app/>");
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        ctx = new SipServletContextImpl(new SipServletContextImpl.Settings("demo", null, getClass().getClassLoader(),
                root, Map.of("a", "1"), null, 40, 5, true));
        ctx.setServletLookup(name -> name.equals("main") ? main : null);
    }

    @Test
    void basics() {
        assertEquals("demo", ctx.getServletContextName());
        assertEquals(6, ctx.getMajorVersion());
        assertEquals(1, ctx.getMinorVersion());
        assertEquals("", ctx.getContextPath());
        assertEquals(5, ctx.getSessionTimeout());
        assertSame(getClass().getClassLoader(), ctx.getClassLoader());
        assertEquals("demo", ctx.getSipApplicationConfiguration().getApplicationName());
        assertEquals(40, ctx.getSipApplicationConfiguration().getProxyTimeout());
        assertTrue(ctx.getSipApplicationConfiguration().getDistributable());
        ctx.log("a log line");
    }

    @Test
    void initParametersCanBeAddedOnlyDuringInitialisation() {
        assertEquals("1", ctx.getInitParameter("a"));
        assertTrue(ctx.setInitParameter("b", "2"));
        assertFalse(ctx.setInitParameter("a", "x"));
        assertEquals(List.of("a", "b"), Collections.list(ctx.getInitParameterNames()));
        ctx.getSipApplicationConfiguration().setMainServlet("main");
        assertThrows(IllegalArgumentException.class, () -> ctx.getSipApplicationConfiguration().setMainServlet("none"));
        ctx.markInitialized();
        assertThrows(IllegalStateException.class, () -> ctx.setInitParameter("c", "3"));
        assertThrows(IllegalStateException.class, () -> ctx.getSipApplicationConfiguration().setMainServlet("main"));
        assertEquals("main", ctx.getSipApplicationConfiguration().getMainServlet());
    }

    @Test
    void attributesNotifyListeners() {
        List<String> seen = new ArrayList<>();
        ServletContextAttributeListener l = new ServletContextAttributeListener() {
            @Override
            public void attributeAdded(ServletContextAttributeEvent e) {
                seen.add("added:" + e.getName() + "=" + e.getValue());
            }

            @Override
            public void attributeReplaced(ServletContextAttributeEvent e) {
                seen.add("replaced:" + e.getName() + "=" + e.getValue());
            }

            @Override
            public void attributeRemoved(ServletContextAttributeEvent e) {
                seen.add("removed:" + e.getName() + "=" + e.getValue());
            }
        };
        ctx.setAttributeListeners(() -> List.of(l));
        ctx.setAttribute("k", "v1");
        ctx.setAttribute("k", "v2");
        ctx.setAttribute("k", null);
        ctx.removeAttribute("never");
        assertEquals(List.of("added:k=v1", "replaced:k=v1", "removed:k=v2"), seen);
        assertNull(ctx.getAttribute("k"));
    }

    @Test
    void typedGettersReadThePublishedAttributes() {
        assertEquals(List.of(), ctx.getSupported());
        assertNull(ctx.getSipFactory());
        ctx.setAttribute(SipServlet.SUPPORTED, List.of("100rel"));
        ctx.setAttribute(SipServlet.SUPPORTED_RFCs, List.of("3261", "3262"));
        assertEquals(List.of("100rel"), ctx.getSupported());
        assertEquals(List.of("3261", "3262"), ctx.getSupportedRfcs());
        assertEquals(List.of(), ctx.getOutboundInterfaces());
        assertThrows(UnsupportedOperationException.class, () -> ctx.getSupported().add("x"));
    }

    @Test
    void resourcesComeFromTheRootAndNeverFromOutside() throws Exception {
        assertNotNull(ctx.getResource("/WEB-INF/sip.xml"));
        try (InputStream in = ctx.getResourceAsStream("/WEB-INF/sip.xml")) {
            assertEquals("<sip-app/>", new String(in.readAllBytes()));
        }
        assertNull(ctx.getResource("/nope.txt"));
        assertNull(ctx.getResource("/../secret.txt"));
        assertNull(ctx.getResourceAsStream("/../secret.txt"));
        assertThrows(MalformedURLException.class, () -> ctx.getResource("WEB-INF/sip.xml"));
        assertEquals(Set.of("/WEB-INF/classes/", "/WEB-INF/sip.xml"), ctx.getResourcePaths("/WEB-INF"));
        assertEquals(root.resolve("WEB-INF/sip.xml").toString(), ctx.getRealPath("/WEB-INF/sip.xml"));
    }

    @Test
    void namedDispatcherForwardsToTheServlet() throws Exception {
        ctx.getNamedDispatcher("main").forward(null, null);
        assertEquals(List.of("main"), served);
        assertNull(ctx.getNamedDispatcher("other"));
    }

    @Test
    void httpOnlyMethodsAreRejectedByName() {
        Map<String, Executable> calls = Map.of(
                "addJspFile", () -> ctx.addJspFile("x", "/x.jsp"),
                "getRequestDispatcher", () -> ctx.getRequestDispatcher("/x"),
                "addFilter", () -> ctx.addFilter("f", "y.F"),
                "getSessionCookieConfig", () -> ctx.getSessionCookieConfig(),
                "setSessionTimeout", () -> ctx.setSessionTimeout(5),
                "getJspConfigDescriptor", () -> ctx.getJspConfigDescriptor());
        calls.forEach((method, call) -> {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call, method);
            assertTrue(e.getMessage().contains("SipServletContext." + method + " ") && e.getMessage().contains("demo"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("HTTP"), e.getMessage());
        });
    }

    @Test
    void flowsComeFromTheContainersLookup() {
        assertNull(ctx.getFlow("t"), "no flow before the container sets its look-up");
        ctx.setFlowLookup(token -> null);
        assertNull(ctx.getFlow("unknown"));
    }

    @Test
    void servletConfig() {
        ServletConfigImpl c = new ServletConfigImpl("s", ctx, Map.of("p", "v"));
        assertEquals("s", c.getServletName());
        assertSame(ctx, c.getServletContext());
        assertEquals("v", c.getInitParameter("p"));
        assertEquals(List.of("p"), Collections.list(c.getInitParameterNames()));
    }
}
