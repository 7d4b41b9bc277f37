package org.olelo.container.internal.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of {@code WEB-INF/web.xml} (Jakarta Servlet 6) that Olelo serves: context
 * parameters, servlets and their mappings, filters and their mappings, listeners and the session
 * timeout. Other elements are ignored. A servlet or filter without a class, or a mapping naming an
 * unknown one, is a deployment error with the file and line. Deployer thread only.
 */
final class WebXmlParser {

    private WebXmlParser() {
    }

    /**
     * @param root the application's root folder
     * @return what its web.xml declares, or {@link WebDescriptor#none()} when it has none
     * @throws DeploymentException when the file is malformed or inconsistent
     */
    static WebDescriptor parse(Path root) throws DeploymentException {
        Path file = root.resolve("WEB-INF/web.xml");
        if (!Files.isRegularFile(file)) {
            return WebDescriptor.none();
        }
        XmlNode app = XmlTreeReader.read(file);
        if (!app.name().equals("web-app")) {
            throw new DeploymentException(file, app.line(), "expected <web-app> as the root element, found <" + app.name() + ">");
        }
        Map<String, String> params = params(app.all("context-param"));
        Map<String, List<String>> servletPatterns = new LinkedHashMap<>();
        List<XmlNode> servletNodes = app.all("servlet");
        for (XmlNode s : servletNodes) {
            servletPatterns.put(required(file, s, "servlet-name"), new ArrayList<>());
        }
        for (XmlNode m : app.all("servlet-mapping")) {
            List<String> patterns = servletPatterns.get(required(file, m, "servlet-name"));
            if (patterns == null) {
                throw new DeploymentException(file, m.line(), "servlet-mapping names servlet '" + m.childText("servlet-name")
                        + "', which web.xml does not declare");
            }
            m.all("url-pattern").forEach(p -> patterns.add(p.text()));
        }
        List<WebDescriptor.Servlet> servlets = new ArrayList<>();
        for (XmlNode s : servletNodes) {
            String name = s.childText("servlet-name");
            servlets.add(new WebDescriptor.Servlet(name, required(file, s, "servlet-class"),
                    List.copyOf(servletPatterns.get(name)), params(s.all("init-param")),
                    integer(file, s, "load-on-startup", -1), "true".equals(s.childText("async-supported"))));
        }
        List<WebDescriptor.Filter> filters = filters(file, app);
        List<String> listeners = new ArrayList<>();
        for (XmlNode l : app.all("listener")) {
            listeners.add(required(file, l, "listener-class"));
        }
        int timeout = app.first("session-config").map(c -> c.childText("session-timeout")).isPresent()
                ? integer(file, app.first("session-config").get(), "session-timeout", -1) : -1;
        return new WebDescriptor(true, params, List.copyOf(servlets), filters, List.copyOf(listeners), timeout);
    }

    private static List<WebDescriptor.Filter> filters(Path file, XmlNode app) throws DeploymentException {
        Map<String, List<String>> urls = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (XmlNode f : app.all("filter")) {
            String name = required(file, f, "filter-name");
            urls.put(name, new ArrayList<>());
            names.put(name, new ArrayList<>());
        }
        for (XmlNode m : app.all("filter-mapping")) {
            String name = required(file, m, "filter-name");
            if (!urls.containsKey(name)) {
                throw new DeploymentException(file, m.line(), "filter-mapping names filter '" + name
                        + "', which web.xml does not declare");
            }
            m.all("url-pattern").forEach(p -> urls.get(name).add(p.text()));
            m.all("servlet-name").forEach(p -> names.get(name).add(p.text()));
        }
        List<WebDescriptor.Filter> out = new ArrayList<>();
        for (XmlNode f : app.all("filter")) {
            String name = f.childText("filter-name");
            out.add(new WebDescriptor.Filter(name, required(file, f, "filter-class"), List.copyOf(urls.get(name)),
                    List.copyOf(names.get(name)), params(f.all("init-param")), "true".equals(f.childText("async-supported"))));
        }
        return List.copyOf(out);
    }

    private static Map<String, String> params(List<XmlNode> nodes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (XmlNode p : nodes) {
            String name = p.childText("param-name");
            if (name != null && !name.isEmpty()) {
                String value = p.childText("param-value");
                out.put(name, value == null ? "" : value);
            }
        }
        return out;
    }

    private static String required(Path file, XmlNode node, String child) throws DeploymentException {
        String v = node.childText(child);
        if (v == null || v.isEmpty()) {
            throw new DeploymentException(file, node.line(), "<" + node.name() + "> without <" + child + ">");
        }
        return v;
    }

    private static int integer(Path file, XmlNode node, String child, int fallback) throws DeploymentException {
        String v = node.childText(child);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new DeploymentException(file, node.line(), "<" + child + "> is not a number: " + v);
        }
    }
}
