package org.olelo.container.internal.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a {@code WEB-INF/sip.xml} (JSR 289 / JSR 359 schema; namespaces ignored;
 * JSR 116 top-level {@code <servlet-mapping>} also accepted) into an
 * {@link AppDescriptor}. Unknown elements are ignored; missing or invalid required
 * content is reported as a {@link DeploymentException} naming the file, the line
 * and what was expected. Stateless; any thread.
 */
public final class SipXmlParser {

    private final Path file;
    private final Predicate<String> annotatedServlet;

    private SipXmlParser(Path file, Predicate<String> annotatedServlet) {
        this.file = file;
        this.annotatedServlet = annotatedServlet;
    }

    /**
     * Reads a sip.xml whose mappings and main servlet may only name servlets it declares itself.
     *
     * @param sipXml the sip.xml file
     * @return the descriptor it declares
     * @throws DeploymentException when the file is malformed or incomplete
     */
    public static AppDescriptor parse(Path sipXml) throws DeploymentException {
        return parse(sipXml, name -> false);
    }

    /**
     * Reads a sip.xml whose mappings and main servlet may also name servlets declared by
     * {@code @SipServlet} annotations.
     *
     * @param sipXml           the sip.xml file
     * @param annotatedServlet tells whether a name is that of an annotated servlet
     * @return the descriptor it declares
     * @throws DeploymentException when the file is malformed or incomplete, or names an unknown servlet
     */
    public static AppDescriptor parse(Path sipXml, Predicate<String> annotatedServlet) throws DeploymentException {
        return new SipXmlParser(sipXml, annotatedServlet).app(XmlTreeReader.read(sipXml));
    }

    private AppDescriptor app(XmlNode root) throws DeploymentException {
        if (!root.name().equals("sip-app")) {
            throw fail(root, "expected root element <sip-app> but found <" + root.name() + ">");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (XmlNode p : root.all("context-param")) {
            params.put(required(p, "param-name"), textOr(p, "param-value", ""));
        }
        List<String> listeners = new ArrayList<>();
        for (XmlNode l : root.all("listener")) {
            listeners.add(required(l, "listener-class"));
        }
        List<ServletDef> servlets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (XmlNode s : root.all("servlet")) {
            ServletDef def = servlet(s);
            if (!names.add(def.name())) {
                throw fail(s, "duplicate servlet name '" + def.name() + "'");
            }
            servlets.add(def);
        }
        String main = null;
        List<ServletMapping> mappings = new ArrayList<>();
        for (XmlNode m : root.all("servlet-mapping")) {
            mappings.add(mapping(m, names));
        }
        for (XmlNode sel : root.all("servlet-selection")) {
            XmlNode mainNode = sel.first("main-servlet").orElse(null);
            if (mainNode != null) {
                main = mainNode.text();
                if (!names.contains(main) && !annotatedServlet.test(main)) {
                    throw fail(mainNode, "expected the name of a declared <servlet> in <main-servlet> but found '" + main + "'");
                }
            }
            for (XmlNode m : sel.all("servlet-mapping")) {
                mappings.add(mapping(m, names));
            }
        }
        if (main != null && !mappings.isEmpty()) {
            throw fail(mappings.get(0).line(), "expected either <main-servlet> or <servlet-mapping>, not both");
        }
        Integer proxyTimeout = null;
        XmlNode proxy = root.first("proxy-config").orElse(null);
        if (proxy != null) {
            proxyTimeout = integer(proxy, "proxy-timeout");
            if (proxyTimeout == null) {
                proxyTimeout = integer(proxy, "sequential-search-timeout");
            }
        }
        XmlNode session = root.first("session-config").orElse(null);
        Integer sessionTimeout = session == null ? null : integer(session, "session-timeout");
        List<SecurityConstraintDef> constraints = new ArrayList<>();
        for (XmlNode c : root.all("security-constraint")) {
            constraints.add(constraint(c));
        }
        LoginConfigDef login = root.first("login-config").map(l -> new LoginConfigDef(
                l.childText("auth-method"), l.childText("realm-name"),
                l.first("identity-assertion").map(i -> i.childText("identity-assertion-scheme")).orElse(null),
                l.first("identity-assertion").map(i -> i.childText("identity-assertion-support")).orElse(null)))
                .orElse(null);
        List<String> roles = new ArrayList<>();
        for (XmlNode r : root.all("security-role")) {
            roles.add(required(r, "role-name"));
        }
        return new AppDescriptor(blankToNull(root.childText("app-name")), blankToNull(root.childText("display-name")),
                blankToNull(root.childText("description")), root.first("distributable").isPresent(), params,
                listeners, servlets, main, mappings, proxyTimeout, sessionTimeout, constraints, login, roles);
    }

    private ServletDef servlet(XmlNode s) throws DeploymentException {
        String name = required(s, "servlet-name");
        String cls = required(s, "servlet-class");
        Map<String, String> init = new LinkedHashMap<>();
        for (XmlNode p : s.all("init-param")) {
            init.put(required(p, "param-name"), textOr(p, "param-value", ""));
        }
        XmlNode los = s.first("load-on-startup").orElse(null);
        int order = -1;
        if (los != null && !los.text().isEmpty()) {
            order = parseInt(los, "an integer in <load-on-startup>");
        }
        return new ServletDef(name, cls, init, order, blankToNull(s.childText("description")));
    }

    private ServletMapping mapping(XmlNode m, Set<String> servlets) throws DeploymentException {
        String name = required(m, "servlet-name");
        if (!servlets.contains(name) && !annotatedServlet.test(name)) {
            throw fail(m, "expected the name of a declared <servlet> or @SipServlet in <servlet-mapping> but found '"
                    + name + "'");
        }
        XmlNode pattern = m.first("pattern").orElseThrow(() -> fail(m, "expected <pattern> in <servlet-mapping>"));
        return new ServletMapping(name, onlyRule(pattern), m.line());
    }

    private MappingRule onlyRule(XmlNode parent) throws DeploymentException {
        if (parent.children().size() != 1) {
            throw fail(parent, "expected exactly one condition in <" + parent.name() + "> but found "
                    + parent.children().size());
        }
        return rule(parent.children().get(0));
    }

    private MappingRule rule(XmlNode n) throws DeploymentException {
        return switch (n.name()) {
            case "and", "or" -> {
                if (n.children().isEmpty()) {
                    throw fail(n, "expected at least one condition in <" + n.name() + ">");
                }
                List<MappingRule> subs = new ArrayList<>();
                for (XmlNode c : n.children()) {
                    subs.add(rule(c));
                }
                yield n.name().equals("and") ? new MappingRule.And(subs) : new MappingRule.Or(subs);
            }
            case "not" -> new MappingRule.Not(onlyRule(n));
            case "equal" -> new MappingRule.Equal(var(n), required(n, "value"), ignoreCase(n));
            case "contains" -> new MappingRule.Contains(var(n), required(n, "value"), ignoreCase(n));
            case "exists" -> new MappingRule.Exists(var(n));
            case "subdomain-of" -> new MappingRule.SubdomainOf(var(n), required(n, "value"));
            default -> throw fail(n, "expected one of <and>, <or>, <not>, <equal>, <contains>, <exists>, "
                    + "<subdomain-of> but found <" + n.name() + ">");
        };
    }

    private String var(XmlNode n) throws DeploymentException {
        String v = required(n, "var");
        if (!RequestVariables.isKnown(v)) {
            throw fail(n.first("var").orElse(n), "expected a request variable (request.method, request.uri.user, "
                    + "request.from.uri.host, …) but found '" + v + "'");
        }
        return v;
    }

    private static boolean ignoreCase(XmlNode n) {
        return Boolean.parseBoolean(n.attrs().getOrDefault("ignore-case", "false").trim());
    }

    private SecurityConstraintDef constraint(XmlNode c) throws DeploymentException {
        List<SecurityConstraintDef.ResourceCollection> resources = new ArrayList<>();
        for (XmlNode rc : c.all("resource-collection")) {
            resources.add(new SecurityConstraintDef.ResourceCollection(blankToNull(rc.childText("resource-name")),
                    texts(rc, "servlet-name"), texts(rc, "sip-method")));
        }
        if (resources.isEmpty()) {
            throw fail(c, "expected <resource-collection> in <security-constraint>");
        }
        List<String> roles = c.first("auth-constraint").map(a -> texts(a, "role-name")).orElse(null);
        String guarantee = c.first("user-data-constraint").map(u -> u.childText("transport-guarantee")).orElse(null);
        return new SecurityConstraintDef(blankToNull(c.childText("display-name")), resources,
                c.first("proxy-authentication").isPresent(), roles, guarantee);
    }

    private static List<String> texts(XmlNode n, String child) {
        return n.all(child).stream().map(XmlNode::text).filter(t -> !t.isEmpty()).toList();
    }

    private Integer integer(XmlNode parent, String child) throws DeploymentException {
        XmlNode n = parent.first(child).orElse(null);
        return n == null ? null : parseInt(n, "an integer in <" + child + ">");
    }

    private int parseInt(XmlNode n, String expected) throws DeploymentException {
        try {
            return Integer.parseInt(n.text());
        } catch (NumberFormatException e) {
            throw fail(n, "expected " + expected + " but found '" + n.text() + "'");
        }
    }

    private String required(XmlNode parent, String child) throws DeploymentException {
        XmlNode n = parent.first(child).orElseThrow(() -> fail(parent, "expected <" + child + "> in <" + parent.name() + ">"));
        if (n.text().isEmpty()) {
            throw fail(n, "expected a value in <" + child + ">");
        }
        return n.text();
    }

    private static String textOr(XmlNode parent, String child, String dflt) {
        String t = parent.childText(child);
        return t == null ? dflt : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private DeploymentException fail(XmlNode at, String reason) {
        return fail(at.line(), reason);
    }

    private DeploymentException fail(int line, String reason) {
        return new DeploymentException(file, line, reason);
    }
}
