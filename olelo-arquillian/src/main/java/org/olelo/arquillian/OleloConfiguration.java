package org.olelo.arquillian;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The properties of an Olelo container in {@code arquillian.xml}:
 *
 * <pre>{@code
 * <container qualifier="olelo" default="true">
 *   <configuration>
 *     <property name="mode">managed</property>                 <!-- or embedded (the default) -->
 *     <property name="oleloJar">../container/target/olelo.jar</property>
 *     <property name="settings">auth.enabled=false</property>   <!-- any configuration key=value, one a line or comma-separated -->
 *     <property name="routing">ALL: ("{app}", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")</property>
 *   </configuration>
 * </container>
 * }</pre>
 *
 * Every property has a default; the routing text may name the deployed application as {@code {app}}.
 */
public final class OleloConfiguration implements ContainerConfiguration {

    private String mode = "embedded";
    private String oleloJar = System.getProperty("olelo.jar", "");
    private String javaHome = System.getProperty("java.home");
    private String javaOptions = "-Xmx512m";
    private String settings = "";
    private String routing = "";
    private String routingFile = "";
    private String transport = "udp";
    private int startupTimeoutSeconds = 60;

    @Override
    public void validate() throws ConfigurationException {
        if (!mode.equals("embedded") && !mode.equals("managed")) {
            throw new ConfigurationException("mode must be embedded or managed, not " + mode);
        }
        if (mode.equals("managed") && (oleloJar.isBlank() || !Files.isRegularFile(Path.of(oleloJar)))) {
            throw new ConfigurationException("managed mode needs oleloJar, the path of olelo.jar; no file at '" + oleloJar + "'");
        }
        if (!routingFile.isBlank() && !Files.isRegularFile(Path.of(routingFile))) {
            throw new ConfigurationException("routingFile names no file: " + routingFile);
        }
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            throw new ConfigurationException("transport must be udp or tcp, not " + transport);
        }
    }

    /** @return {@code embedded} (in the test's JVM) or {@code managed} (an olelo.jar process) */
    public String getMode() {
        return mode;
    }

    /** @param mode {@code embedded} or {@code managed} */
    public void setMode(String mode) {
        this.mode = mode.trim();
    }

    /** @return the path of olelo.jar for the managed mode; the system property {@code olelo.jar} by default */
    public String getOleloJar() {
        return oleloJar;
    }

    /** @param oleloJar the path of olelo.jar */
    public void setOleloJar(String oleloJar) {
        this.oleloJar = oleloJar.trim();
    }

    /** @return the Java home the managed process runs on; the test's by default */
    public String getJavaHome() {
        return javaHome;
    }

    /** @param javaHome a Java 21+ home */
    public void setJavaHome(String javaHome) {
        this.javaHome = javaHome.trim();
    }

    /** @return JVM options of the managed process, separated by spaces */
    public String getJavaOptions() {
        return javaOptions;
    }

    /** @param javaOptions JVM options separated by spaces */
    public void setJavaOptions(String javaOptions) {
        this.javaOptions = javaOptions.trim();
    }

    /** @return configuration settings ({@code key=value}, one a line or comma-separated) for the server */
    public String getSettings() {
        return settings;
    }

    /** @param settings {@code key=value} pairs */
    public void setSettings(String settings) {
        this.settings = settings;
    }

    /** @return the routing descriptor's text; empty: every initial request goes to the deployed application */
    public String getRouting() {
        return routing;
    }

    /** @param routing the routing descriptor's text, {@code {app}} standing for the deployed application's name */
    public void setRouting(String routing) {
        this.routing = routing;
    }

    /** @return a routing descriptor file to use instead of {@link #getRouting()} */
    public String getRoutingFile() {
        return routingFile;
    }

    /** @param routingFile the path of a routing descriptor */
    public void setRoutingFile(String routingFile) {
        this.routingFile = routingFile.trim();
    }

    /** @return the transport {@link OleloEndpoints} names by default: {@code udp} or {@code tcp} (the server listens on both) */
    public String getTransport() {
        return transport;
    }

    /** @param transport {@code udp} or {@code tcp} */
    public void setTransport(String transport) {
        this.transport = transport.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return how long the managed process may take to be ready */
    public int getStartupTimeoutSeconds() {
        return startupTimeoutSeconds;
    }

    /** @param seconds how long the managed process may take to be ready */
    public void setStartupTimeoutSeconds(int seconds) {
        this.startupTimeoutSeconds = seconds;
    }
}
