package org.olelo.container.internal.naming;

import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.naming.Binding;
import javax.naming.CompositeName;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.Name;
import javax.naming.NameClassPair;
import javax.naming.NameNotFoundException;
import javax.naming.NameParser;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.NotContextException;
import javax.naming.OperationNotSupportedException;
import javax.naming.spi.NamingManager;

/**
 * A read-only view of the {@code java:} names of one application: the initial context
 * ({@link #root}) resolves them for the application that calls, at each look-up; a context it
 * returns ({@code lookup("java:comp/env")}) stays with that application, so it may be kept and
 * used from any thread. Names are {@code /}-separated; {@code java:...} names are absolute from
 * any context, other names are relative to it. URL names of other schemes go to the JDK's
 * providers. Any thread; holds no lock.
 */
final class JavaContext implements Context {

    private static final String SCHEME = "java:";
    private static final String ENV = "comp/env/";
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final NameParser PARSER = CompositeName::new;

    private final Hashtable<Object, Object> environment;
    /** The application's names under {@code java:comp/env}; null for the initial context (the caller's). */
    private final Map<String, Object> names;
    /** This context's place under {@code java:}, e.g. {@code comp/env}; empty for {@code java:} itself. */
    private final String path;

    private JavaContext(Hashtable<?, ?> environment, Map<String, Object> names, String path) {
        this.environment = environment == null ? new Hashtable<>() : new Hashtable<>(environment);
        this.names = names;
        this.path = path;
    }

    /** The initial context: {@code java:} names of the application that calls. */
    static Context root(Hashtable<?, ?> environment) {
        return new JavaContext(environment, null, "");
    }

    @Override
    public Object lookup(String name) throws NamingException {
        Context other = foreign(name);
        if (other != null) {
            return other.lookup(name);
        }
        String p = absolute(name);
        Map<String, Object> ns = namespace(name);
        if (p.isEmpty()) {
            return new JavaContext(environment, ns, "");
        }
        if (p.startsWith(ENV) && ns.containsKey(p.substring(ENV.length()))) {
            return ns.get(p.substring(ENV.length()));
        }
        if (children(ns, p).isEmpty()) {
            throw new NameNotFoundException(name + " is not bound (the names of this application under java:comp/env"
                    + " are " + new TreeMap<>(ns).keySet() + ")");
        }
        return new JavaContext(environment, ns, p);
    }

    @Override
    public Object lookup(Name name) throws NamingException {
        return lookup(name.toString());
    }

    @Override
    public NamingEnumeration<NameClassPair> list(String name) throws NamingException {
        absolute(name);
        Map<String, Object> ns = namespace(name);
        Map<String, Object> children = childrenOf(ns, name);
        return new Listing<>(children.entrySet().stream().map(e -> new NameClassPair(e.getKey(),
                e.getValue() == null ? Context.class.getName() : e.getValue().getClass().getName())).toList());
    }

    @Override
    public NamingEnumeration<NameClassPair> list(Name name) throws NamingException {
        return list(name.toString());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(String name) throws NamingException {
        String p = absolute(name);
        Map<String, Object> ns = namespace(name);
        Map<String, Object> children = childrenOf(ns, name);
        return new Listing<>(children.entrySet().stream().map(e -> new Binding(e.getKey(), e.getValue() != null
                ? e.getValue() : new JavaContext(environment, ns, join(p, e.getKey())))).toList());
    }

    @Override
    public NamingEnumeration<Binding> listBindings(Name name) throws NamingException {
        return listBindings(name.toString());
    }

    @Override
    public Object lookupLink(String name) throws NamingException {
        return lookup(name);
    }

    @Override
    public Object lookupLink(Name name) throws NamingException {
        return lookup(name);
    }

    /** The names a look-up of {@code name} reads: this context's application, else the caller's. */
    private Map<String, Object> namespace(String name) throws NamingException {
        if (names != null) {
            return names;
        }
        Map<String, Object> ns = AppNamespaces.current();
        if (ns == null) {
            throw new NameNotFoundException(name + ": java: names exist only in the code of a deployed application");
        }
        return ns;
    }

    /** The context of another URL scheme for {@code name}, or null when it is a {@code java:} or relative name. */
    private Context foreign(String name) throws NamingException {
        if (name == null) {
            throw new InvalidNameException("null name");
        }
        if (name.startsWith(SCHEME) || !URL.matcher(name).matches()) {
            return null;
        }
        Context c = NamingManager.getURLContext(name.substring(0, name.indexOf(':')), environment);
        if (c == null) {
            throw new NameNotFoundException(name + ": no naming provider for this scheme");
        }
        return c;
    }

    /** The path under {@code java:} that {@code name} denotes from this context, without empty components. */
    private String absolute(String name) throws NamingException {
        if (name == null) {
            throw new InvalidNameException("null name");
        }
        if (name.startsWith(SCHEME)) {
            return normal(name.substring(SCHEME.length()));
        }
        if (names == null && !name.isEmpty()) {
            throw new NameNotFoundException(name + ": names of the initial context start with java:, e.g."
                    + " java:comp/env/" + name);
        }
        return join(path, normal(name));
    }

    private static String normal(String p) {
        StringBuilder b = new StringBuilder();
        for (String part : p.split("/")) {
            if (!part.isEmpty()) {
                b.append(b.isEmpty() ? "" : "/").append(part);
            }
        }
        return b.toString();
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
    }

    private Map<String, Object> childrenOf(Map<String, Object> ns, String name) throws NamingException {
        String p = absolute(name);
        if (p.startsWith(ENV) && ns.containsKey(p.substring(ENV.length()))) {
            throw new NotContextException(name + " is bound to an object, not a context");
        }
        Map<String, Object> children = children(ns, p);
        if (children.isEmpty() && !p.isEmpty()) {
            throw new NameNotFoundException(name + " is not bound");
        }
        return children;
    }

    /** The names right below {@code p}, sorted, each with its object, or null for a context. */
    private static Map<String, Object> children(Map<String, Object> ns, String p) {
        Map<String, Object> out = new TreeMap<>();
        String prefix = p.isEmpty() ? "" : p + "/";
        for (Map.Entry<String, Object> e : ns.entrySet()) {
            String full = ENV + e.getKey();
            if (full.startsWith(prefix)) {
                String rest = full.substring(prefix.length());
                int slash = rest.indexOf('/');
                out.put(slash < 0 ? rest : rest.substring(0, slash), slash < 0 ? e.getValue() : null);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ read-only

    private static OperationNotSupportedException readOnly() {
        return new OperationNotSupportedException("java: names are read-only");
    }

    @Override public void bind(Name name, Object obj) throws NamingException { throw readOnly(); }
    @Override public void bind(String name, Object obj) throws NamingException { throw readOnly(); }
    @Override public void rebind(Name name, Object obj) throws NamingException { throw readOnly(); }
    @Override public void rebind(String name, Object obj) throws NamingException { throw readOnly(); }
    @Override public void unbind(Name name) throws NamingException { throw readOnly(); }
    @Override public void unbind(String name) throws NamingException { throw readOnly(); }
    @Override public void rename(Name oldName, Name newName) throws NamingException { throw readOnly(); }
    @Override public void rename(String oldName, String newName) throws NamingException { throw readOnly(); }
    @Override public void destroySubcontext(Name name) throws NamingException { throw readOnly(); }
    @Override public void destroySubcontext(String name) throws NamingException { throw readOnly(); }
    @Override public Context createSubcontext(Name name) throws NamingException { throw readOnly(); }
    @Override public Context createSubcontext(String name) throws NamingException { throw readOnly(); }

    // ------------------------------------------------------------------ names and environment

    @Override
    public NameParser getNameParser(Name name) {
        return PARSER;
    }

    @Override
    public NameParser getNameParser(String name) {
        return PARSER;
    }

    @Override
    public Name composeName(Name name, Name prefix) throws NamingException {
        return ((Name) prefix.clone()).addAll(name);
    }

    @Override
    public String composeName(String name, String prefix) {
        return prefix.isEmpty() ? name : name.isEmpty() ? prefix : prefix + "/" + name;
    }

    @Override
    public Object addToEnvironment(String propName, Object propVal) {
        return environment.put(propName, propVal);
    }

    @Override
    public Object removeFromEnvironment(String propName) {
        return environment.remove(propName);
    }

    @Override
    public Hashtable<?, ?> getEnvironment() {
        return new Hashtable<>(environment);
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getNameInNamespace() {
        return SCHEME + path;
    }

    @Override
    public String toString() {
        return "JavaContext[" + getNameInNamespace() + "]";
    }
}
