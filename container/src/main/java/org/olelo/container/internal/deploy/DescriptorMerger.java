package org.olelo.container.internal.deploy;

import jakarta.servlet.sip.annotation.SipApplication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Combines sip.xml with the annotations; sip.xml wins wherever both speak:
 * <ul>
 * <li>name: {@code <app-name>}, else {@code @SipApplication(name)}, else the file or folder base name;</li>
 * <li>servlets: those of sip.xml, then the annotated ones whose name and class sip.xml does not declare;</li>
 * <li>listeners: sip.xml's, then annotated classes not already listed;</li>
 * <li>main servlet: {@code <main-servlet>}; else, when sip.xml has no mapping,
 *     {@code @SipApplication(mainServlet)};</li>
 * <li>timeouts, display name, description, distributable: sip.xml, else {@code @SipApplication}.</li>
 * </ul>
 * Stateless; any thread.
 */
final class DescriptorMerger {

    private DescriptorMerger() {
    }

    /**
     * @param xml          what sip.xml declares ({@link AppDescriptor#empty()} when there is none)
     * @param ann          what the annotations declare
     * @param fallbackName the base name of the archive or folder
     * @param source       the application source, for error messages
     * @return the merged descriptor, with a non-null name
     * @throws DeploymentException when the main servlet names no servlet, or there is no servlet at all
     */
    static AppDescriptor merge(AppDescriptor xml, ScannedAnnotations ann, String fallbackName, Path source)
            throws DeploymentException {
        SipApplication a = ann.application();
        String name = xml.appName() != null ? xml.appName()
                : a != null && !a.name().isEmpty() ? a.name() : fallbackName;
        List<ServletDef> servlets = new ArrayList<>(xml.servlets());
        Set<String> names = new HashSet<>();
        Set<String> classes = new HashSet<>();
        xml.servlets().forEach(s -> {
            names.add(s.name());
            classes.add(s.className());
        });
        for (ServletDef s : ann.servlets()) {
            if (!classes.contains(s.className()) && names.add(s.name())) {
                servlets.add(s);
            }
        }
        Set<String> listeners = new LinkedHashSet<>(xml.listenerClasses());
        listeners.addAll(ann.listenerClasses());
        String main = xml.mainServlet();
        if (main == null && xml.mappings().isEmpty() && a != null && !a.mainServlet().isEmpty()) {
            main = a.mainServlet();
            if (!names.contains(main)) {
                throw new DeploymentException(source, 0, "@SipApplication(mainServlet) on " + ann.applicationSite()
                        + " expected the name of a servlet but found '" + main + "'");
            }
        }
        if (servlets.isEmpty()) {
            throw new DeploymentException(source, 0, "expected at least one servlet (in WEB-INF/sip.xml or "
                    + "annotated @SipServlet) but found none");
        }
        return new AppDescriptor(name,
                xml.displayName() != null ? xml.displayName() : a != null ? blank(a.displayName()) : null,
                xml.description() != null ? xml.description() : a != null ? blank(a.description()) : null,
                xml.distributable() || a != null && a.distributable(),
                xml.contextParams(), List.copyOf(listeners), servlets, main, xml.mappings(),
                xml.proxyTimeoutSeconds() != null ? xml.proxyTimeoutSeconds() : a != null ? a.proxyTimeout() : null,
                xml.sessionTimeoutMinutes() != null ? xml.sessionTimeoutMinutes() : a != null ? a.sessionTimeout() : null,
                xml.securityConstraints(), xml.loginConfig(), xml.securityRoles());
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }
}
