package jakarta.servlet.sip;

import java.net.InetAddress;
import java.util.List;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@link ServletContext} of a SIP application, with typed access to what the container also
 * publishes as context attributes (see the constants of {@link SipServlet}) and with
 * SIP-specific registration and configuration methods.
 *
 * @since 2.0
 */
public interface SipServletContext extends ServletContext {

    /**
     * Returns the SIP extensions (option tags) the container supports.
     *
     * @return an unmodifiable list of option tags, for example {@code "100rel"}
     */
    List<String> getSupported();

    /**
     * Returns the numbers of the RFCs the container implements.
     *
     * @return an unmodifiable list of RFC numbers as strings, for example {@code "3261"}
     */
    List<String> getSupportedRfcs();

    /**
     * Returns the SIP listening points the application may select to send from.
     *
     * @return an unmodifiable list of URIs (host, port and transport of each listening point)
     */
    List<SipURI> getOutboundInterfaces();

    /**
     * Returns the IP addresses the application may select to send from.
     *
     * @return an unmodifiable list of addresses
     */
    List<InetAddress> getOutboundAddresses();

    /**
     * Returns the application's SIP factory.
     *
     * @return the SIP factory
     */
    SipFactory getSipFactory();

    /**
     * Returns the application's session look-up utility.
     *
     * @return the sessions utility
     */
    SipSessionsUtil getSipSessionsUtil();

    /**
     * Returns the application's timer service.
     *
     * @return the timer service
     */
    TimerService getTimerService();

    /**
     * Returns the container's DNS resolver.
     *
     * @return the DNS resolver
     */
    DnsResolver getDnsResolver();

    /**
     * Registers an annotated POJO (a class annotated with {@code @SipServlet} whose methods
     * handle SIP messages) as a SIP servlet of this application. Only possible while the
     * context is being initialised.
     *
     * @param servletName the servlet name
     * @param pojo the POJO instance
     * @return a registration to configure the servlet further, or {@code null} if a servlet
     *         with that name already exists
     * @throws IllegalStateException if the servlet context has already been initialised
     */
    ServletRegistration.Dynamic addServletPOJO(String servletName, Object pojo);

    /**
     * Registers an annotated POJO class as a SIP servlet of this application; the container
     * creates the instance. Only possible while the context is being initialised.
     *
     * @param servletName the servlet name
     * @param pojoClass the POJO class
     * @return a registration to configure the servlet further, or {@code null} if a servlet
     *         with that name already exists
     * @throws IllegalStateException if the servlet context has already been initialised
     */
    ServletRegistration.Dynamic addServletPOJO(String servletName, Class<?> pojoClass);

    /**
     * Instantiates a SIP servlet POJO class, with the injection the container performs on
     * managed classes, for later registration with {@link #addServletPOJO(String, Object)}.
     *
     * @param <T> the POJO type
     * @param clazz the POJO class
     * @return the new instance
     * @throws ServletException if the class cannot be instantiated
     */
    <T> T createServletPOJO(Class<T> clazz) throws ServletException;

    /**
     * Returns the SIP deployment configuration of this application.
     *
     * @return the application configuration
     */
    SipApplicationConfiguration getSipApplicationConfiguration();

    /**
     * Returns the flow identified by a token obtained from {@link Flow#getToken()}.
     *
     * @param flowToken the flow token
     * @return the flow, or {@code null} if the token does not identify a known flow
     */
    Flow getFlow(String flowToken);

    /**
     * Assigns a SIP identity to the WebSocket connection an HTTP upgrade request is opening,
     * typically from a filter or servlet that authenticated the request. The identity then finds
     * the connection through {@link #getSipWebSocketContext(String)}.
     *
     * @param request the HTTP upgrade request of a SIP WebSocket connection
     * @param sipIdentity the identity to assign, for example an address-of-record
     */
    void assignWebSocketSipIdentity(HttpServletRequest request, String sipIdentity);

    /**
     * Returns the context of the SIP WebSocket connection a SIP identity was assigned to.
     *
     * @param sipIdentity an identity given to {@link #assignWebSocketSipIdentity(HttpServletRequest, String)}
     * @return the WebSocket context, or {@code null} if no open connection has that identity
     */
    SipWebSocketContext getSipWebSocketContext(String sipIdentity);
}
