package org.olelo.container.internal.pojo;

import jakarta.servlet.sip.Predicate;
import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.annotation.AnyMethod;
import jakarta.servlet.sip.annotation.SipMethod;
import jakarta.servlet.sip.annotation.SipPredicate;
import jakarta.servlet.sip.annotation.SipResponseCode;
import jakarta.servlet.sip.annotation.SipResponseRange;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The message-handling methods of one SIP servlet POJO class (JSR 359): every method, declared on
 * the class or inherited, that carries an annotation meta-annotated with {@code @SipMethod},
 * {@code @SipResponseCode}, {@code @SipResponseRange} or {@code @SipPredicate}, or carries
 * {@code @AnyMethod}.
 *
 * <p>Rules checked when the class is inspected (each breach is reported with the method at fault):
 * a handler is an instance method with exactly one parameter, {@code SipServletRequest} or
 * {@code SipServletResponse}; status code and range annotations need a response parameter; a
 * range runs from a lower to a higher code; a predicate class is concrete, has a public no-argument
 * constructor, and tests the kind of message the handler takes; no two handlers accept exactly the
 * same messages by their annotations.
 *
 * <p>Selection ({@link #select}): among the handlers that accept a message, the most specific wins:
 * one that names the SIP method beats one that does not ({@code @AnyMethod}); then a status code
 * match beats a status range match, which beats neither; then a handler with a predicate beats one
 * without. Remaining ties go to the narrower range, then to the handler naming fewer SIP methods,
 * then to the method declared lowest in the class hierarchy and first by name.
 *
 * <p>Built on the deployer thread; immutable afterwards, {@link #select} runs on any thread.
 */
public final class PojoHandlers {

    private static final Comparator<Method> ORDER =
            Comparator.comparing(Method::getName).thenComparing(Method::toGenericString);

    private final List<PojoHandler> handlers;

    private PojoHandlers(List<PojoHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    /**
     * Finds and checks the handlers of a POJO class.
     *
     * @param type the class
     * @return its handlers; empty when the class has none
     * @throws PojoDefinitionException listing every handler that breaks the rules above
     */
    public static PojoHandlers inspect(Class<?> type) throws PojoDefinitionException {
        List<String> problems = new ArrayList<>();
        List<PojoHandler> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Method[] declared = c.getDeclaredMethods();
            java.util.Arrays.sort(declared, ORDER);
            for (Method m : declared) {
                if (m.isBridge() || m.isSynthetic()) {
                    continue;
                }
                String key = m.getName() + java.util.Arrays.toString(m.getParameterTypes());
                boolean overridden = !Modifier.isPrivate(m.getModifiers()) && !seen.add(key);
                if (!overridden) {
                    PojoHandler h = handler(m, problems);
                    if (h != null) {
                        found.add(h);
                    }
                }
            }
        }
        for (int i = 0; i < found.size(); i++) {
            for (int j = i + 1; j < found.size(); j++) {
                if (found.get(i).sameCriteria(found.get(j))) {
                    problems.add(found.get(i).signature() + " and " + found.get(j).signature()
                            + " accept the same messages; expected at most one handler per set of annotations");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PojoDefinitionException(type, problems);
        }
        return new PojoHandlers(found);
    }

    /** @return whether the class has no handler at all */
    public boolean isEmpty() {
        return handlers.isEmpty();
    }

    /** @return how many handlers the class has */
    public int size() {
        return handlers.size();
    }

    /**
     * Chooses the handler of a message by the precedence rules in the class comment.
     *
     * @param message a request or a response
     * @return the handler, or null when none accepts the message
     */
    PojoHandler select(SipServletMessage message) {
        boolean response = message instanceof SipServletResponse;
        PojoHandler best = null;
        int bestRank = PojoHandler.NO_MATCH;
        for (PojoHandler h : handlers) {
            int rank = h.rank(message, response);
            if (rank > bestRank || rank != PojoHandler.NO_MATCH && rank == bestRank && finer(h, best, message)) {
                best = h;
                bestRank = rank;
            }
        }
        return best;
    }

    private static boolean finer(PojoHandler h, PojoHandler than, SipServletMessage message) {
        if (message instanceof SipServletResponse r) {
            int a = h.narrowestRange(r.getStatus());
            int b = than.narrowestRange(r.getStatus());
            if (a >= 0 && b >= 0 && a != b) {
                return a < b;
            }
        }
        return h.methodCount() > 0 && h.methodCount() < than.methodCount();
    }

    private static PojoHandler handler(Method m, List<String> problems) {
        Set<String> methods = new LinkedHashSet<>();
        Set<Integer> codes = new LinkedHashSet<>();
        List<int[]> ranges = new ArrayList<>();
        List<Class<?>> predicateClasses = new ArrayList<>();
        boolean any = false;
        for (Annotation a : m.getDeclaredAnnotations()) {
            Class<? extends Annotation> t = a.annotationType();
            if (t == AnyMethod.class) {
                any = true;
            }
            SipMethod sm = t.getAnnotation(SipMethod.class);
            if (sm != null) {
                methods.add(sm.value());
            }
            SipResponseCode sc = t.getAnnotation(SipResponseCode.class);
            if (sc != null) {
                codes.add(sc.value());
            }
            SipResponseRange sr = t.getAnnotation(SipResponseRange.class);
            if (sr != null) {
                ranges.add(new int[] {sr.begin(), sr.end()});
            }
            SipPredicate sp = t.getAnnotation(SipPredicate.class);
            if (sp != null) {
                predicateClasses.add(sp.value());
            }
        }
        if (!any && methods.isEmpty() && codes.isEmpty() && ranges.isEmpty() && predicateClasses.isEmpty()) {
            return null;
        }
        String where = m.getDeclaringClass().getName() + "." + m.getName();
        int before = problems.size();
        if (Modifier.isStatic(m.getModifiers())) {
            problems.add(where + ": expected an instance method but found a static one");
        }
        Class<?>[] params = m.getParameterTypes();
        boolean forResponses = params.length == 1 && params[0] == SipServletResponse.class;
        if (params.length != 1 || params[0] != SipServletRequest.class && !forResponses) {
            problems.add(where + ": expected one parameter, SipServletRequest or SipServletResponse, but found ("
                    + String.join(", ", java.util.Arrays.stream(params).map(Class::getSimpleName).toList()) + ")");
            return null;
        }
        for (String sipMethod : methods) {
            if (sipMethod.isBlank()) {
                problems.add(where + ": @SipMethod names no method");
            }
        }
        if (!forResponses && (!codes.isEmpty() || !ranges.isEmpty())) {
            problems.add(where + ": a status code or range annotation needs a SipServletResponse parameter "
                    + "but found SipServletRequest");
        }
        for (int[] r : ranges) {
            if (r[0] > r[1]) {
                problems.add(where + ": expected a status range from a lower to a higher code but found "
                        + r[0] + " to " + r[1]);
            }
        }
        List<Predicate<SipServletMessage>> predicates = new ArrayList<>();
        for (Class<?> pc : predicateClasses) {
            Predicate<SipServletMessage> p = predicate(pc, params[0], where, problems);
            if (p != null) {
                predicates.add(p);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            m.setAccessible(true);
        } catch (RuntimeException e) {
            problems.add(where + ": cannot be made callable: " + e.getMessage());
            return null;
        }
        return new PojoHandler(m, forResponses, methods, codes, ranges, predicates, predicateClasses);
    }

    @SuppressWarnings("unchecked")
    private static Predicate<SipServletMessage> predicate(Class<?> pc, Class<?> param, String where,
                                                          List<String> problems) {
        String name = pc.getName();
        if (pc.isInterface() || Modifier.isAbstract(pc.getModifiers())) {
            problems.add(where + ": @SipPredicate expected a concrete predicate class but found " + name);
            return null;
        }
        Class<?> tested = testedType(pc);
        if (tested != null && !tested.isAssignableFrom(param)) {
            problems.add(where + ": predicate " + name + " tests " + tested.getSimpleName() + " but the method takes "
                    + param.getSimpleName());
            return null;
        }
        try {
            Constructor<?> ctor = pc.getConstructor();
            return (Predicate<SipServletMessage>) ctor.newInstance();
        } catch (NoSuchMethodException e) {
            problems.add(where + ": predicate " + name + " has no public no-argument constructor");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            problems.add(where + ": predicate " + name + " could not be created: " + cause);
        }
        return null;
    }

    /** The message type a predicate class declares it tests, when its type argument says so. */
    private static Class<?> testedType(Class<?> pc) {
        for (Class<?> c = pc; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType pt && pt.getRawType() == Predicate.class
                        && pt.getActualTypeArguments()[0] instanceof Class<?> arg) {
                    return arg;
                }
            }
        }
        return null;
    }
}
