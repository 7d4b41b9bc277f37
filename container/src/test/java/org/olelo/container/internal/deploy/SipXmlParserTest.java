package org.olelo.container.internal.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipXmlParserTest {

    @TempDir
    Path dir;

    private Path write(String xml) throws Exception {
        Path p = dir.resolve("sip.xml");
        Files.writeString(p, xml);
        return p;
    }

    private DeployProblem fail(String xml) throws Exception {
        Path p = write(xml);
        DeploymentException e = assertThrows(DeploymentException.class, () -> SipXmlParser.parse(p));
        assertEquals(p, e.problem().file());
        return e.problem();
    }

    static final String FULL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sip-app xmlns="http://xmlns.jcp.org/xml/ns/sipservlet"
                     xmlns:javaee="http://xmlns.jcp.org/xml/ns/javaee" version="2.0">
              <app-name>proxy</app-name>
              <javaee:display-name>Proxy app</javaee:display-name>
              <description>Proxies things</description>
              <distributable/>
              <context-param><param-name>a</param-name><param-value>1</param-value></context-param>
              <context-param><param-name>b</param-name><param-value/></context-param>
              <listener><listener-class>x.L1</listener-class></listener>
              <listener><listener-class>x.L2</listener-class></listener>
              <servlet>
                <servlet-name>second</servlet-name>
                <servlet-class>x.Second</servlet-class>
                <init-param><param-name>p</param-name><param-value>v</param-value></init-param>
                <load-on-startup>2</load-on-startup>
              </servlet>
              <servlet>
                <servlet-name>first</servlet-name>
                <servlet-class>x.First</servlet-class>
                <load-on-startup/>
              </servlet>
              <servlet-selection>
                <servlet-mapping>
                  <servlet-name>first</servlet-name>
                  <pattern>
                    <and>
                      <equal ignore-case="true"><var>request.method</var><value>invite</value></equal>
                      <or>
                        <exists><var>request.uri.user</var></exists>
                        <not><contains><var>request.from.display-name</var><value>bot</value></contains></not>
                      </or>
                      <subdomain-of><var>request.uri.host</var><value>example.com</value></subdomain-of>
                    </and>
                  </pattern>
                </servlet-mapping>
              </servlet-selection>
              <proxy-config><proxy-timeout>30</proxy-timeout></proxy-config>
              <session-config><session-timeout>12</session-timeout></session-config>
              <security-constraint>
                <display-name>registrations</display-name>
                <resource-collection>
                  <resource-name>reg</resource-name>
                  <servlet-name>first</servlet-name>
                  <sip-method>REGISTER</sip-method>
                  <sip-method>INVITE</sip-method>
                </resource-collection>
                <proxy-authentication/>
                <auth-constraint><role-name>user</role-name></auth-constraint>
                <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>
              </security-constraint>
              <login-config>
                <auth-method>DIGEST</auth-method>
                <realm-name>olelo</realm-name>
                <identity-assertion>
                  <identity-assertion-scheme>P-Asserted-Identity</identity-assertion-scheme>
                  <identity-assertion-support>SUPPORTED</identity-assertion-support>
                </identity-assertion>
              </login-config>
              <security-role><role-name>user</role-name></security-role>
            </sip-app>
            """;

    @Test
    void readsEveryPartOfAFullDescriptor() throws Exception {
        AppDescriptor d = SipXmlParser.parse(write(FULL));
        assertEquals("proxy", d.appName());
        assertEquals("Proxy app", d.displayName());
        assertEquals("Proxies things", d.description());
        assertTrue(d.distributable());
        assertEquals(Map.of("a", "1", "b", ""), d.contextParams());
        assertEquals(List.of("x.L1", "x.L2"), d.listenerClasses());
        assertEquals(2, d.servlets().size());
        ServletDef second = d.servlets().get(0);
        assertEquals("second", second.name());
        assertEquals("x.Second", second.className());
        assertEquals(Map.of("p", "v"), second.initParams());
        assertEquals(2, second.loadOnStartup());
        assertEquals(-1, d.servlets().get(1).loadOnStartup());
        assertNull(d.mainServlet());
        assertEquals(1, d.mappings().size());
        ServletMapping m = d.mappings().get(0);
        assertEquals("first", m.servletName());
        MappingRule.And and = assertInstanceOf(MappingRule.And.class, m.rule());
        assertEquals(new MappingRule.Equal("request.method", "invite", true), and.rules().get(0));
        MappingRule.Or or = assertInstanceOf(MappingRule.Or.class, and.rules().get(1));
        assertEquals(new MappingRule.Exists("request.uri.user"), or.rules().get(0));
        assertEquals(new MappingRule.Not(new MappingRule.Contains("request.from.display-name", "bot", false)),
                or.rules().get(1));
        assertEquals(new MappingRule.SubdomainOf("request.uri.host", "example.com"), and.rules().get(2));
        assertEquals(30, d.proxyTimeoutSeconds());
        assertEquals(12, d.sessionTimeoutMinutes());
        SecurityConstraintDef sc = d.securityConstraints().get(0);
        assertEquals("registrations", sc.displayName());
        assertTrue(sc.proxyAuthentication());
        assertEquals(List.of("user"), sc.roles());
        assertEquals("CONFIDENTIAL", sc.transportGuarantee());
        assertEquals(new SecurityConstraintDef.ResourceCollection("reg", List.of("first"), List.of("REGISTER", "INVITE")),
                sc.resources().get(0));
        assertEquals(new LoginConfigDef("DIGEST", "olelo", "P-Asserted-Identity", "SUPPORTED"), d.loginConfig());
        assertEquals(List.of("user"), d.securityRoles());
    }

    @Test
    void acceptsNoNamespaceOldDoctypeAndTopLevelMappingsAndAppliesDefaults() throws Exception {
        AppDescriptor d = SipXmlParser.parse(write("""
                <?xml version="1.0"?>
                <!DOCTYPE sip-app PUBLIC "-//Java Community Process//DTD SIP Application 1.0//EN"
                   "http://www.jcp.org/dtd/sip-app_1_0.dtd">
                <sip-app>
                  <servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class></servlet>
                  <servlet-mapping>
                    <servlet-name>s</servlet-name>
                    <pattern><equal><var>request.method</var><value>MESSAGE</value></equal></pattern>
                  </servlet-mapping>
                </sip-app>
                """));
        assertNull(d.appName());
        assertEquals(1, d.mappings().size());
        assertEquals(3, d.effectiveSessionTimeoutMinutes());
        assertEquals(180, d.effectiveProxyTimeoutSeconds());
        assertFalse(d.distributable());
    }

    @Test
    void mainServletIsRead() throws Exception {
        AppDescriptor d = SipXmlParser.parse(write("""
                <sip-app xmlns="http://xmlns.jcp.org/xml/ns/sipservlet">
                  <servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class></servlet>
                  <servlet-selection><main-servlet>s</main-servlet></servlet-selection>
                </sip-app>
                """));
        assertEquals("s", d.mainServlet());
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        Path p = write("""
                <?xml version="1.0"?>
                <!DOCTYPE sip-app [ <!ENTITY xxe SYSTEM "%s"> ]>
                <sip-app><app-name>&xxe;</app-name>
                  <servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class></servlet>
                </sip-app>
                """.formatted(secret.toUri()));
        try {
            AppDescriptor d = SipXmlParser.parse(p);
            assertFalse(String.valueOf(d.appName()).contains("TOPSECRET"));
        } catch (DeploymentException e) {
            assertFalse(e.getMessage().contains("TOPSECRET"));
        }
    }

    @Test
    void malformedXmlNamesTheLine() throws Exception {
        DeployProblem p = fail("""
                <sip-app>
                  <app-name>x</app-name>
                  <servlet>
                    <servlet-name>s</servlet-name>
                  </servet>
                </sip-app>
                """);
        assertEquals(5, p.line());
        assertTrue(p.reason().startsWith("malformed XML"), p.reason());
    }

    @Test
    void wrongRootIsReported() throws Exception {
        assertTrue(fail("<web-app/>").reason().contains("expected root element <sip-app>"));
    }

    @Test
    void missingServletClassNamesTheServletLine() throws Exception {
        DeployProblem p = fail("""
                <sip-app>

                  <servlet>
                    <servlet-name>s</servlet-name>
                  </servlet>
                </sip-app>
                """);
        assertEquals(3, p.line());
        assertEquals("expected <servlet-class> in <servlet>", p.reason());
    }

    @Test
    void badLoadOnStartupIsReported() throws Exception {
        DeployProblem p = fail("""
                <sip-app>
                  <servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class>
                    <load-on-startup>soon</load-on-startup></servlet>
                </sip-app>
                """);
        assertEquals(3, p.line());
        assertTrue(p.reason().contains("expected an integer in <load-on-startup> but found 'soon'"), p.reason());
    }

    @Test
    void mappingToAnUnknownServletIsReported() throws Exception {
        DeployProblem p = fail("""
                <sip-app>
                  <servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class></servlet>
                  <servlet-selection>
                    <servlet-mapping>
                      <servlet-name>nope</servlet-name>
                      <pattern><exists><var>request.uri</var></exists></pattern>
                    </servlet-mapping>
                  </servlet-selection>
                </sip-app>
                """);
        assertEquals(4, p.line());
        assertTrue(p.reason().contains("'nope'"), p.reason());
    }

    @Test
    void unknownRuleAndUnknownVariableAreReported() throws Exception {
        String template = """
                <sip-app>
                  <servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class></servlet>
                  <servlet-mapping><servlet-name>s</servlet-name>
                    <pattern>
                      %s
                    </pattern>
                  </servlet-mapping>
                </sip-app>
                """;
        DeployProblem p = fail(template.formatted("<matches><var>request.method</var></matches>"));
        assertEquals(5, p.line());
        assertTrue(p.reason().contains("but found <matches>"), p.reason());
        p = fail(template.formatted("<exists><var>request.body</var></exists>"));
        assertTrue(p.reason().contains("'request.body'"), p.reason());
        p = fail(template.formatted("<equal><var>request.method</var></equal>"));
        assertEquals("expected <value> in <equal>", p.reason());
    }

    @Test
    void mainServletAndMappingsTogetherAreRejected() throws Exception {
        DeployProblem p = fail("""
                <sip-app>
                  <servlet><servlet-name>s</servlet-name><servlet-class>x.S</servlet-class></servlet>
                  <servlet-selection>
                    <main-servlet>s</main-servlet>
                    <servlet-mapping><servlet-name>s</servlet-name>
                      <pattern><exists><var>request.uri</var></exists></pattern></servlet-mapping>
                  </servlet-selection>
                </sip-app>
                """);
        assertTrue(p.reason().contains("not both"), p.reason());
    }
}
