package org.olelo.container.internal.deploy;

import jakarta.servlet.sip.SipServletRequest;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The pattern of a sip.xml {@code <servlet-mapping>}: a tree of conditions over
 * request variables ({@code request.method}, {@code request.uri.user}, …, see
 * {@link RequestVariables}). Immutable; {@link #matches} may run on any thread.
 */
public sealed interface MappingRule {

    /**
     * Evaluates the rule against an initial request.
     *
     * @param request the request
     * @return whether the request matches
     */
    default boolean matches(SipServletRequest request) {
        return test(var -> RequestVariables.resolve(request, var));
    }

    /**
     * Evaluates the rule with variables taken from a function.
     *
     * @param vars returns the value of a variable, or null when it is absent
     * @return whether the rule holds
     */
    boolean test(Function<String, String> vars);

    /**
     * {@code <equal>}: the variable equals the value.
     *
     * @param var        the variable
     * @param value      the value
     * @param ignoreCase whether case is ignored
     */
    record Equal(String var, String value, boolean ignoreCase) implements MappingRule {
        /** Validates the components. */
        public Equal {
            Objects.requireNonNull(var, "var");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Function<String, String> vars) {
            String v = vars.apply(var);
            return v != null && (ignoreCase ? v.equalsIgnoreCase(value) : v.equals(value));
        }
    }

    /**
     * {@code <exists>}: the variable has a value.
     *
     * @param var the variable
     */
    record Exists(String var) implements MappingRule {
        /** Validates the component. */
        public Exists {
            Objects.requireNonNull(var, "var");
        }

        @Override
        public boolean test(Function<String, String> vars) {
            return vars.apply(var) != null;
        }
    }

    /**
     * {@code <contains>}: the variable's value contains the value.
     *
     * @param var        the variable
     * @param value      the searched text
     * @param ignoreCase whether case is ignored
     */
    record Contains(String var, String value, boolean ignoreCase) implements MappingRule {
        /** Validates the components. */
        public Contains {
            Objects.requireNonNull(var, "var");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Function<String, String> vars) {
            String v = vars.apply(var);
            if (v == null) {
                return false;
            }
            return ignoreCase ? v.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)) : v.contains(value);
        }
    }

    /**
     * {@code <subdomain-of>}: the variable is the domain itself or one of its
     * subdomains (compared without case, on whole labels).
     *
     * @param var    the variable
     * @param domain the domain
     */
    record SubdomainOf(String var, String domain) implements MappingRule {
        /** Validates the components. */
        public SubdomainOf {
            Objects.requireNonNull(var, "var");
            Objects.requireNonNull(domain, "domain");
        }

        @Override
        public boolean test(Function<String, String> vars) {
            String v = vars.apply(var);
            if (v == null) {
                return false;
            }
            String host = v.toLowerCase(Locale.ROOT);
            String d = domain.toLowerCase(Locale.ROOT);
            return host.equals(d) || host.endsWith("." + d);
        }
    }

    /**
     * {@code <and>}: all sub-rules hold.
     *
     * @param rules the sub-rules
     */
    record And(List<MappingRule> rules) implements MappingRule {
        /** Freezes the list. */
        public And {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean test(Function<String, String> vars) {
            return rules.stream().allMatch(r -> r.test(vars));
        }
    }

    /**
     * {@code <or>}: at least one sub-rule holds.
     *
     * @param rules the sub-rules
     */
    record Or(List<MappingRule> rules) implements MappingRule {
        /** Freezes the list. */
        public Or {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean test(Function<String, String> vars) {
            return rules.stream().anyMatch(r -> r.test(vars));
        }
    }

    /**
     * {@code <not>}: the sub-rule does not hold.
     *
     * @param rule the sub-rule
     */
    record Not(MappingRule rule) implements MappingRule {
        /** Validates the component. */
        public Not {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public boolean test(Function<String, String> vars) {
            return !rule.test(vars);
        }
    }
}
