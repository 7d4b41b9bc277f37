package org.olelo.container.internal.deploy;

import jakarta.servlet.sip.annotation.SipApplication;

import java.util.List;

/**
 * What the SIP Servlet annotations of an application declare.
 *
 * <p>Immutable value; built on the deployer thread.
 *
 * @param application     the {@code @SipApplication} found on a package or class, or null
 * @param applicationSite the class or package that carries it, or null
 * @param servlets        servlets declared with {@code @SipServlet}
 * @param listenerClasses classes declared with {@code @SipListener}
 */
record ScannedAnnotations(SipApplication application, String applicationSite, List<ServletDef> servlets,
                          List<String> listenerClasses) {

    /** Freezes the lists. */
    ScannedAnnotations {
        servlets = List.copyOf(servlets);
        listenerClasses = List.copyOf(listenerClasses);
    }
}
