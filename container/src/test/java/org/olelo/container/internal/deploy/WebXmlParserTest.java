package org.olelo.container.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** web.xml: the parts Olelo serves are read; inconsistent mappings fail with file and line. */
class WebXmlParserTest {

    @TempDir
    Path root;

    private Path write(String xml) throws Exception {
        Files.createDirectories(root.resolve("WEB-INF"));
        return Files.writeString(root.resolve("WEB-INF/web.xml"), xml);
    }

    @Test
    void noWebXmlIsNoHttpPart() throws Exception {
        assertFalse(WebXmlParser.parse(root).present());
    }

    @Test
    void readsParamsServletsFiltersListenersAndTimeout() throws Exception {
        write("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>a</param-name><param-value>1</param-value></context-param>
                  <servlet>
                    <servlet-name>api</servlet-name><servlet-class>x.Api</servlet-class>
                    <init-param><param-name>p</param-name><param-value>q</param-value></init-param>
                    <load-on-startup>2</load-on-startup><async-supported>true</async-supported>
                  </servlet>
                  <servlet-mapping><servlet-name>api</servlet-name><url-pattern>/api/*</url-pattern><url-pattern>*.json</url-pattern></servlet-mapping>
                  <filter><filter-name>f</filter-name><filter-class>x.F</filter-class></filter>
                  <filter-mapping><filter-name>f</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                  <filter-mapping><filter-name>f</filter-name><servlet-name>api</servlet-name></filter-mapping>
                  <listener><listener-class>x.L</listener-class></listener>
                  <session-config><session-timeout>7</session-timeout></session-config>
                </web-app>
                """);
        WebDescriptor d = WebXmlParser.parse(root);
        assertTrue(d.present());
        assertEquals(Map.of("a", "1"), d.contextParams());
        assertEquals(List.of(new WebDescriptor.Servlet("api", "x.Api", List.of("/api/*", "*.json"), Map.of("p", "q"), 2, true)),
                d.servlets());
        assertEquals(List.of(new WebDescriptor.Filter("f", "x.F", List.of("/*"), List.of("api"), Map.of(), false)), d.filters());
        assertEquals(List.of("x.L"), d.listeners());
        assertEquals(7, d.sessionTimeoutMinutes());
    }

    @Test
    void aMappingOfAnUndeclaredServletFailsWithItsLine() throws Exception {
        Path file = write("""
                <web-app>
                  <servlet><servlet-name>api</servlet-name><servlet-class>x.Api</servlet-class></servlet>
                  <servlet-mapping><servlet-name>apj</servlet-name><url-pattern>/a</url-pattern></servlet-mapping>
                </web-app>
                """);
        DeploymentException e = assertThrows(DeploymentException.class, () -> WebXmlParser.parse(root));
        assertEquals(file, e.problem().file());
        assertEquals(3, e.problem().line());
        assertTrue(e.problem().reason().contains("'apj'"), e.problem().reason());
    }

    @Test
    void aServletWithoutClassOrABadNumberFails() throws Exception {
        write("<web-app><servlet><servlet-name>api</servlet-name></servlet></web-app>");
        assertTrue(assertThrows(DeploymentException.class, () -> WebXmlParser.parse(root)).problem().reason()
                .contains("<servlet-class>"));
        write("<web-app><session-config><session-timeout>soon</session-timeout></session-config></web-app>");
        assertTrue(assertThrows(DeploymentException.class, () -> WebXmlParser.parse(root)).problem().reason()
                .contains("not a number"));
        write("<sip-app/>");
        assertTrue(assertThrows(DeploymentException.class, () -> WebXmlParser.parse(root)).problem().reason()
                .contains("<web-app>"));
    }
}
