package org.olelo.apps.registrar;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/** Finds the {@link RegistrarRuntime} the listener published. Stateless; any thread. */
final class Runtimes {

    private Runtimes() {
    }

    /**
     * @param ctx the application's context
     * @return the runtime
     * @throws ServletException when the listener has not started it (not declared in sip.xml)
     */
    static RegistrarRuntime of(ServletContext ctx) throws ServletException {
        if (ctx.getAttribute(RegistrarRuntime.ATTRIBUTE) instanceof RegistrarRuntime r) {
            return r;
        }
        throw new ServletException("registrar: no runtime in the context; is " + RegistrarListener.class.getName()
                + " declared as a <listener> in sip.xml?");
    }
}
