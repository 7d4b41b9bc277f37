package org.olelo.container.internal.context;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;

/**
 * A dispatcher to one servlet of the same application, chosen by name: SIP
 * applications use it to hand a request or response to another of their
 * servlets ({@code getNamedDispatcher(name).forward(message, null)}). JSR 359 defines only
 * {@code forward} for SIP messages, so {@code include} throws {@link UnsupportedOperationException}.
 *
 * <p>Runs on the calling thread (a SIP worker thread that already carries the
 * application's context class loader).
 */
final class NamedDispatcher implements RequestDispatcher {

    private final String name;
    private final Servlet servlet;

    NamedDispatcher(String name, Servlet servlet) {
        this.name = name;
        this.servlet = servlet;
    }

    @Override
    public void forward(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        servlet.service(request, response);
    }

    @Override
    public void include(ServletRequest request, ServletResponse response) {
        throw new UnsupportedOperationException("RequestDispatcher.include is not supported for SIP servlet '" + name
                + "': JSR 359 defines only forward for SIP messages");
    }

    @Override
    public String toString() {
        return "NamedDispatcher[" + name + "]";
    }
}
