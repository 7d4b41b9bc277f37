package org.olelo.container.internal.cdi;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * A byte-level pre-filter over class files: tells which classes may be CDI
 * beans (or interceptors, decorators, stereotypes) without loading them. A class
 * can only carry a bean-defining annotation if its constant pool names a type
 * under {@code jakarta/enterprise/}, {@code jakarta/inject/},
 * {@code jakarta/interceptor/} or {@code jakarta/decorator/}, one of the two scopes of
 * JSR 359 ({@code @SipApplicationSessionScoped}, {@code @SipInvocationScoped}), or one of the
 * application's own stereotypes. Weld filters the survivors again. Stateless;
 * any thread.
 */
public final class BeanClassFilter {

    private static final String[] MARKERS = {
        "Ljakarta/enterprise/", "Ljakarta/inject/", "Ljakarta/interceptor/", "Ljakarta/decorator/",
        "Ljakarta/servlet/sip/annotation/SipApplicationSessionScoped;",
        "Ljakarta/servlet/sip/annotation/SipInvocationScoped;"};
    private static final String STEREOTYPE = "Ljakarta/enterprise/inject/Stereotype;";

    private BeanClassFilter() {
    }

    /**
     * @param classBytes a class file
     * @return whether the class mentions a CDI annotation type
     */
    public static boolean mentionsCdi(byte[] classBytes) {
        String s = new String(classBytes, StandardCharsets.ISO_8859_1);
        for (String m : MARKERS) {
            if (s.contains(m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param internalName the class's internal name ({@code a/b/C})
     * @param classBytes   its class file
     * @return the descriptor {@code La/b/C;} when the class is annotated {@code @Stereotype}, else null
     */
    public static String stereotypeDescriptor(String internalName, byte[] classBytes) {
        return new String(classBytes, StandardCharsets.ISO_8859_1).contains(STEREOTYPE) ? "L" + internalName + ";" : null;
    }

    /**
     * @param classBytes  a class file
     * @param descriptors type descriptors such as {@code La/b/C;}
     * @return whether the class mentions one of them
     */
    public static boolean mentionsAny(byte[] classBytes, Collection<String> descriptors) {
        String s = new String(classBytes, StandardCharsets.ISO_8859_1);
        return descriptors.stream().anyMatch(s::contains);
    }
}
