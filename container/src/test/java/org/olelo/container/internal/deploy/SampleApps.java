package org.olelo.container.internal.deploy;

/**
 * Sources and descriptors of the applications the deployment tests build.
 */
final class SampleApps {

    private SampleApps() {
    }

    /** A context/SIP-servlet listener recording lifecycle events in the context attribute "events". */
    static final String EVENTS = """
            package a;
            import jakarta.servlet.*;
            import jakarta.servlet.sip.*;
            import java.util.*;
            import java.util.concurrent.*;
            public class Events implements ServletContextListener, SipServletListener, TimerListener {
                private List<String> events;
                public void contextInitialized(ServletContextEvent e) {
                    events = new CopyOnWriteArrayList<>();
                    e.getServletContext().setAttribute("events", events);
                    events.add("contextInitialized:" + e.getServletContext().getInitParameter("greeting") + ":"
                            + (Thread.currentThread().getContextClassLoader() == Events.class.getClassLoader()));
                }
                public void servletInitialized(SipServletContextEvent e) {
                    events.add("servletInitialized:" + e.getSipServlet().getServletName());
                }
                public void timeout(ServletTimer t) {
                }
                public void contextDestroyed(ServletContextEvent e) {
                    events.add("contextDestroyed");
                }
            }
            """;

    /** A servlet recording init (with its parameter and the context class loader check) and destroy. */
    static String recordingServlet(String className) {
        int dot = className.lastIndexOf('.');
        return """
                package %s;
                import jakarta.servlet.*;
                import jakarta.servlet.sip.SipServlet;
                import java.util.List;
                public class %s extends SipServlet {
                    public void init() throws ServletException {
                        events().add("init:" + getServletName() + ":" + getInitParameter("p") + ":"
                                + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()));
                    }
                    public void destroy() {
                        events().add("destroy:" + getServletName());
                    }
                    @SuppressWarnings("unchecked")
                    private List<String> events() {
                        return (List<String>) getServletContext().getAttribute("events");
                    }
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1));
    }

    /** sip.xml of the "alpha" application: two servlets, mappings, a listener, a context parameter. */
    static final String ALPHA_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sip-app xmlns="http://xmlns.jcp.org/xml/ns/sipservlet" xmlns:javaee="http://xmlns.jcp.org/xml/ns/javaee">
              <app-name>alpha</app-name>
              <javaee:display-name>Alpha</javaee:display-name>
              <javaee:context-param>
                <javaee:param-name>greeting</javaee:param-name><javaee:param-value>hello</javaee:param-value>
              </javaee:context-param>
              <javaee:listener><javaee:listener-class>a.Events</javaee:listener-class></javaee:listener>
              <servlet>
                <javaee:servlet-name>first</javaee:servlet-name>
                <javaee:servlet-class>a.First</javaee:servlet-class>
                <javaee:init-param><javaee:param-name>p</javaee:param-name><javaee:param-value>one</javaee:param-value></javaee:init-param>
                <javaee:load-on-startup>2</javaee:load-on-startup>
              </servlet>
              <servlet>
                <javaee:servlet-name>second</javaee:servlet-name>
                <javaee:servlet-class>a.Second</javaee:servlet-class>
                <javaee:load-on-startup>1</javaee:load-on-startup>
              </servlet>
              <servlet-selection>
                <servlet-mapping>
                  <servlet-name>first</servlet-name>
                  <pattern><equal><var>request.method</var><value>INVITE</value></equal></pattern>
                </servlet-mapping>
                <servlet-mapping>
                  <servlet-name>second</servlet-name>
                  <pattern><subdomain-of><var>request.uri.host</var><value>example.com</value></subdomain-of></pattern>
                </servlet-mapping>
              </servlet-selection>
              <proxy-config><proxy-timeout>20</proxy-timeout></proxy-config>
              <session-config><session-timeout>7</session-timeout></session-config>
            </sip-app>
            """;

    /** The alpha application. */
    static TestApps alpha() {
        return TestApps.app().sipXml(ALPHA_XML).java("a.Events", EVENTS)
                .java("a.First", recordingServlet("a.First")).java("a.Second", recordingServlet("a.Second"));
    }

    /** An annotated application without sip.xml whose only servlet reports a version string. */
    static TestApps hello(String version) {
        return TestApps.app()
                .java("h.Hello", """
                        package h;
                        import jakarta.servlet.sip.SipServlet;
                        @jakarta.servlet.sip.annotation.SipServlet(name = "hello", loadOnStartup = 1)
                        public class Hello extends SipServlet {
                            public static final String VERSION = "%s";
                        }
                        """.formatted(version))
                .file("WEB-INF/README.txt", "hello " + version);
    }
}
