package org.olelo.apps.forwarding;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The application's settings, read once from the context parameters when it is deployed:
 *
 * <table>
 *   <caption>context parameters</caption>
 *   <tr><th>name</th><th>type</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code noanswer.seconds}</td><td>int 1-3600</td><td>20</td><td>time without a final
 *       answer before forwarding on no answer</td></tr>
 *   <tr><td>{@code busy.codes}</td><td>status codes, comma-separated</td><td>486,600</td><td>final
 *       responses that count as busy</td></tr>
 *   <tr><td>{@code forward.<user>[.busy|.noanswer]}</td><td>URI</td><td>none</td><td>where calls
 *       for {@code <user>} go; {@code <user>} is the Request-URI's {@code user@host} or just its
 *       user part; without a suffix the target serves both cases</td></tr>
 * </table>
 *
 * A value that cannot be used fails the deployment with the parameter's name. Immutable.
 */
final class ForwardingRules {

    /** Where one user's calls go on busy and on no answer; either may be null. */
    record Targets(URI busy, URI noAnswer) {
    }

    private static final String PREFIX = "forward.";

    final int noAnswerSeconds;
    final Set<Integer> busyCodes;
    private final Map<String, Targets> byUser;

    private ForwardingRules(int noAnswerSeconds, Set<Integer> busyCodes, Map<String, Targets> byUser) {
        this.noAnswerSeconds = noAnswerSeconds;
        this.busyCodes = busyCodes;
        this.byUser = byUser;
    }

    /** Reads the context parameters of {@code ctx}; the factory parses the target URIs. */
    static ForwardingRules read(ServletContext ctx, SipFactory factory) throws ServletException {
        int seconds = integer(ctx, "noanswer.seconds", "20", 1, 3600);
        Set<Integer> codes = new HashSet<>();
        String codeList = value(ctx, "busy.codes", "486,600");
        for (String c : codeList.split(",")) {
            if (!c.isBlank()) {
                codes.add(parse("busy.codes", c.trim(), 300, 699));
            }
        }
        Map<String, URI> busy = new HashMap<>();
        Map<String, URI> noAnswer = new HashMap<>();
        for (String name : Collections.list(ctx.getInitParameterNames())) {
            if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
                continue;
            }
            String key = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
            URI target = uri(factory, name, ctx.getInitParameter(name));
            if (key.endsWith(".busy")) {
                busy.put(key.substring(0, key.length() - 5), target);
            } else if (key.endsWith(".noanswer")) {
                noAnswer.put(key.substring(0, key.length() - 9), target);
            } else {
                busy.putIfAbsent(key, target);
                noAnswer.putIfAbsent(key, target);
            }
        }
        Map<String, Targets> byUser = new HashMap<>();
        Set<String> users = new HashSet<>(busy.keySet());
        users.addAll(noAnswer.keySet());
        for (String u : users) {
            byUser.put(u, new Targets(busy.get(u), noAnswer.get(u)));
        }
        return new ForwardingRules(seconds, Set.copyOf(codes), Map.copyOf(byUser));
    }

    /** The targets for calls to {@code requestUri}: by {@code user@host} first, then by user; null when none. */
    Targets lookup(URI requestUri) {
        if (!(requestUri instanceof SipURI sip) || sip.getUser() == null) {
            return null;
        }
        String user = sip.getUser().toLowerCase(Locale.ROOT);
        Targets t = byUser.get(user + "@" + sip.getHost().toLowerCase(Locale.ROOT));
        return t != null ? t : byUser.get(user);
    }

    private static String value(ServletContext ctx, String name, String dflt) {
        String v = ctx.getInitParameter(name);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    private static int integer(ServletContext ctx, String name, String dflt, int min, int max) throws ServletException {
        return parse(name, value(ctx, name, dflt), min, max);
    }

    private static int parse(String name, String v, int min, int max) throws ServletException {
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ServletException("context parameter " + name + ": expected a number from " + min + " to " + max
                + ", got '" + v + "'");
    }

    private static URI uri(SipFactory factory, String name, String v) throws ServletException {
        if (v == null || v.isBlank()) {
            throw new ServletException("context parameter " + name + ": expected a SIP URI, got nothing");
        }
        try {
            return factory.createURI(v.trim());
        } catch (ServletParseException e) {
            throw new ServletException("context parameter " + name + ": expected a SIP URI, got '" + v + "' ("
                    + e.getMessage() + ")", e);
        }
    }
}
