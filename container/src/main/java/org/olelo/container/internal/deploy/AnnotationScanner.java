package org.olelo.container.internal.deploy;

import jakarta.servlet.Servlet;
import jakarta.servlet.sip.annotation.SipApplication;
import jakarta.servlet.sip.annotation.SipListener;
import jakarta.servlet.sip.annotation.SipServlet;
import org.olelo.container.internal.pojo.PojoDefinitionException;
import org.olelo.container.internal.pojo.PojoHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the classes that {@link AppClassIndex} found mentioning SIP Servlet
 * annotations and reads {@code @SipApplication}, {@code @SipServlet} and
 * {@code @SipListener} from them. A {@code @SipServlet} class that is not a servlet is a JSR 359
 * POJO; its message-handling methods are checked here, so that a bad signature fails the
 * deployment before anything is created. Runs on the deployer thread.
 */
final class AnnotationScanner {

    private static final Logger LOG = LoggerFactory.getLogger(AnnotationScanner.class);

    private AnnotationScanner() {
    }

    /**
     * @param classNames candidate classes
     * @param loader     the application's class loader
     * @param source     the application source, for error messages
     * @return what the annotations declare
     * @throws DeploymentException when an annotated class cannot be loaded or is not usable
     */
    static ScannedAnnotations scan(List<String> classNames, ClassLoader loader, Path source) throws DeploymentException {
        SipApplication app = null;
        String appSite = null;
        List<ServletDef> servlets = new ArrayList<>();
        List<String> listeners = new ArrayList<>();
        for (String name : classNames) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new DeploymentException(new DeployProblem(source, 0, "cannot load annotated class " + name
                        + ": " + e), e);
            }
            SipApplication a = c.getDeclaredAnnotation(SipApplication.class);
            if (a != null) {
                if (app != null) {
                    throw new DeploymentException(source, 0, "expected one @SipApplication but found two: on "
                            + appSite + " and on " + name);
                }
                app = a;
                appSite = name;
            }
            boolean concrete = !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
            SipServlet s = c.getDeclaredAnnotation(SipServlet.class);
            if (s != null) {
                if (concrete && !Servlet.class.isAssignableFrom(c)) {
                    checkPojo(c, source);
                }
                if (concrete) {
                    String sn = s.name().isEmpty() ? c.getSimpleName() : s.name();
                    servlets.add(new ServletDef(sn, name, Map.of(), s.loadOnStartup(),
                            s.description().isEmpty() ? null : s.description()));
                } else {
                    LOG.warn("{}: @SipServlet on abstract class {} ignored", source, name);
                }
            }
            if (c.getDeclaredAnnotation(SipListener.class) != null) {
                if (concrete) {
                    listeners.add(name);
                } else {
                    LOG.warn("{}: @SipListener on abstract class {} ignored", source, name);
                }
            }
        }
        return new ScannedAnnotations(app, appSite, servlets, listeners);
    }

    /**
     * Checks that a class that is not a servlet is a usable SIP servlet POJO: its message-handling
     * methods follow the JSR 359 rules, and it has at least one.
     *
     * @param c      the class
     * @param source the application source, for error messages
     * @return its handlers
     * @throws DeploymentException naming the class and every method at fault
     */
    static PojoHandlers checkPojo(Class<?> c, Path source) throws DeploymentException {
        PojoHandlers handlers;
        try {
            handlers = PojoHandlers.inspect(c);
        } catch (PojoDefinitionException e) {
            throw new DeploymentException(new DeployProblem(source, 0, e.getMessage()), e);
        } catch (LinkageError e) {
            throw new DeploymentException(new DeployProblem(source, 0, "SIP servlet POJO " + c.getName()
                    + ": cannot read its methods: " + e), e);
        }
        if (handlers.isEmpty()) {
            throw new DeploymentException(source, 0, "SIP servlet POJO " + c.getName() + " neither implements "
                    + "jakarta.servlet.Servlet nor has a method annotated to handle messages (@Invite, @AnyMethod, "
                    + "@SuccessResponse, …)");
        }
        return handlers;
    }
}
