package org.olelo.container.internal.context;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;

/**
 * How a {@link SipServletContextImpl} registers SIP servlet POJOs for its application
 * ({@code addServletPOJO}, {@code createServletPOJO}): implemented by the deployer, which owns the
 * application's servlets, class loader and CDI container. {@link #NONE} refuses everything.
 *
 * <p>{@link #add} runs on the deployer thread while the context is initialised (the context checks
 * that); {@link #create} on any thread.
 */
public interface ServletPojos {

    /** No registration possible (a context not made by the deployer). */
    ServletPojos NONE = new ServletPojos() {
        @Override
        public ServletRegistration.Dynamic add(String servletName, Object pojo) {
            throw new IllegalStateException("servlets cannot be registered in this context");
        }

        @Override
        public <T> T create(Class<T> pojoClass) throws ServletException {
            throw new ServletException("servlets cannot be created in this context");
        }
    };

    /**
     * Registers a POJO as a servlet of the application.
     *
     * @return its registration, or null when the application already has a servlet of that name
     * @throws IllegalArgumentException when the object is no SIP servlet POJO (no method handles a message)
     */
    ServletRegistration.Dynamic add(String servletName, Object pojo);

    /**
     * Creates a POJO with the application's injection ({@code @Inject}, {@code @Resource},
     * {@code @PostConstruct}); it is destroyed with the application.
     *
     * @throws ServletException when the class cannot be instantiated
     */
    <T> T create(Class<T> pojoClass) throws ServletException;
}
