package org.olelo.container.internal.deploy;

import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.annotation.SipApplicationKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code @SipApplicationKey} method of an application (JSR 289 §15.11.2): found among the
 * classes that mention SIP annotations, checked at deployment (public, static, one
 * {@code SipServletRequest} parameter, returns {@code String}; at most one per application), and
 * called for each initial request routed to the application. A method whose annotation names
 * another application is left alone. Found on the deployer thread; {@link #key} runs on any
 * thread except a transport reader.
 */
public final class ApplicationKeyMethod {

    private final Method method;

    private ApplicationKeyMethod(Method method) {
        this.method = method;
    }

    /**
     * @param classNames the application's classes that mention SIP annotations
     * @param loader     the application's class loader
     * @param appName    the application's name
     * @param source     the application source, for error messages
     * @return the key method, or null when the application has none
     * @throws DeploymentException when a key method has the wrong signature, or there are two
     */
    static ApplicationKeyMethod find(List<String> classNames, ClassLoader loader, String appName, Path source)
            throws DeploymentException {
        Method found = null;
        for (String name : classNames) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new DeploymentException(new DeployProblem(source, 0, "cannot load annotated class " + name + ": " + e), e);
            }
            for (Method m : c.getDeclaredMethods()) {
                SipApplicationKey a = m.getAnnotation(SipApplicationKey.class);
                if (a == null || !(a.applicationName().isEmpty() || a.applicationName().equals(appName))) {
                    continue;
                }
                check(m, source);
                if (found != null) {
                    throw new DeploymentException(source, 0, "expected one @SipApplicationKey method but found two: "
                            + describe(found) + " and " + describe(m));
                }
                found = m;
            }
        }
        return found == null ? null : new ApplicationKeyMethod(found);
    }

    private static void check(Method m, Path source) throws DeploymentException {
        int mod = m.getModifiers();
        boolean ok = Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isPublic(m.getDeclaringClass().getModifiers())
                && m.getReturnType() == String.class && m.getParameterCount() == 1
                && m.getParameterTypes()[0] == SipServletRequest.class;
        if (!ok) {
            throw new DeploymentException(source, 0, "@SipApplicationKey method " + describe(m)
                    + " must be 'public static String name(SipServletRequest)' in a public class");
        }
    }

    private static String describe(Method m) {
        return m.getDeclaringClass().getName() + "." + m.getName();
    }

    /**
     * Calls the method. The caller sets the application's class loader.
     *
     * @return the key, possibly null
     * @throws Exception what the method threw
     */
    public String key(SipServletRequest initialRequest) throws Exception {
        try {
            return (String) method.invoke(null, initialRequest);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "@SipApplicationKey " + describe(method);
    }
}
