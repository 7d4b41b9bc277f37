package org.olelo.container.internal.pojo;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Predicate;
import jakarta.servlet.sip.SipServletMessage;
import jakarta.servlet.sip.SipServletResponse;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * One message-handling Java method of a SIP servlet POJO and the criteria its annotations give:
 * the SIP methods ({@code @SipMethod}), status codes ({@code @SipResponseCode}), status ranges
 * ({@code @SipResponseRange}) and predicates ({@code @SipPredicate}) it accepts. A criterion that no
 * annotation gives accepts everything; within one criterion any listed value will do.
 *
 * <p>Immutable after deployment; {@link #rank} and {@link #invoke} run on the thread that serves
 * the message (the application session's executor) and block as long as the application does.
 */
final class PojoHandler {

    /** Rank of a handler that does not accept the message. */
    static final int NO_MATCH = -1;

    private final Method method;
    private final boolean forResponses;
    private final Set<String> sipMethods;
    private final Set<Integer> codes;
    private final List<int[]> ranges;
    private final List<Predicate<SipServletMessage>> predicates;
    private final List<Class<?>> predicateClasses;
    private final String signature;

    PojoHandler(Method method, boolean forResponses, Set<String> sipMethods, Set<Integer> codes, List<int[]> ranges,
                List<Predicate<SipServletMessage>> predicates, List<Class<?>> predicateClasses) {
        this.method = method;
        this.forResponses = forResponses;
        this.sipMethods = Set.copyOf(sipMethods);
        this.codes = Set.copyOf(codes);
        this.ranges = List.copyOf(ranges);
        this.predicates = List.copyOf(predicates);
        this.predicateClasses = List.copyOf(predicateClasses);
        this.signature = method.getDeclaringClass().getName() + "." + method.getName()
                + "(" + method.getParameterTypes()[0].getSimpleName() + ")";
    }

    /** @return whether the handler takes responses (else requests) */
    boolean forResponses() {
        return forResponses;
    }

    /** @return the Java method, for messages */
    String signature() {
        return signature;
    }

    /**
     * @param other another handler of the same POJO
     * @return whether both accept exactly the same messages by their annotations
     */
    boolean sameCriteria(PojoHandler other) {
        return forResponses == other.forResponses && sipMethods.equals(other.sipMethods)
                && codes.equals(other.codes) && sameRanges(other)
                && Set.copyOf(predicateClasses).equals(Set.copyOf(other.predicateClasses));
    }

    private boolean sameRanges(PojoHandler other) {
        if (ranges.size() != other.ranges.size()) {
            return false;
        }
        for (int[] r : ranges) {
            if (other.ranges.stream().noneMatch(o -> o[0] == r[0] && o[1] == r[1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * How specifically the handler accepts a message, or {@link #NO_MATCH}. A SIP method match
     * outweighs everything below it; then a status code match, then a status range match, then a
     * predicate. Predicates are evaluated only when everything else accepts the message.
     *
     * @param message  the request or response
     * @param response whether it is a response
     * @return the rank: higher is more specific
     */
    int rank(SipServletMessage message, boolean response) {
        if (response != forResponses) {
            return NO_MATCH;
        }
        if (!sipMethods.isEmpty() && !sipMethods.contains(message.getMethod())) {
            return NO_MATCH;
        }
        int rank = sipMethods.isEmpty() ? 0 : 8;
        if (!codes.isEmpty() || !ranges.isEmpty()) {
            int status = ((SipServletResponse) message).getStatus();
            if (codes.contains(status)) {
                rank += 4;
            } else if (narrowestRange(status) >= 0) {
                rank += 2;
            } else {
                return NO_MATCH;
            }
        }
        if (!predicates.isEmpty()) {
            if (predicates.stream().noneMatch(p -> p.apply(message))) {
                return NO_MATCH;
            }
            rank += 1;
        }
        return rank;
    }

    /**
     * @param status a status code
     * @return the width of the narrowest of this handler's ranges that holds it, or -1
     */
    int narrowestRange(int status) {
        int best = -1;
        for (int[] r : ranges) {
            if (status >= r[0] && status <= r[1] && (best < 0 || r[1] - r[0] < best)) {
                best = r[1] - r[0];
            }
        }
        return best;
    }

    /** @return how many SIP methods the handler names (0 when it takes any) */
    int methodCount() {
        return sipMethods.size();
    }

    /**
     * Calls the Java method.
     *
     * @param target  the POJO instance
     * @param message the argument
     * @throws ServletException what the method throws, wrapped when it is neither of the two below
     * @throws IOException      what the method throws
     */
    void invoke(Object target, SipServletMessage message) throws ServletException, IOException {
        try {
            method.invoke(target, message);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ServletException se) {
                throw se;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ServletException(signature + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new ServletException("cannot call " + signature + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return signature;
    }
}
