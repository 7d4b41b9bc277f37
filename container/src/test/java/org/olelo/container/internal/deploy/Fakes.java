package org.olelo.container.internal.deploy;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipSessionsUtil;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TelURL;
import jakarta.servlet.sip.TimerService;
import jakarta.servlet.sip.URI;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link Proxy}-based stand-ins for the SIP API objects the tests need: each
 * answers the methods given in its map, {@code toString}/{@code equals}/{@code hashCode}
 * sensibly, and null (or 0/false) for anything else. Any thread.
 */
public final class Fakes {

    private Fakes() {
    }

    /**
     * @param type    the interface to fake
     * @param answers method name → return value
     * @param <T>     the interface
     * @return the fake
     */
    public static <T> T fake(Class<T> type, Map<String, Object> answers) {
        Object p = Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            String n = m.getName();
            if (n.equals("equals")) {
                return proxy == args[0];
            }
            if (n.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (answers.containsKey(n + "/" + (args == null ? 0 : args.length) + ":" + (args == null ? "" : args[0]))) {
                return answers.get(n + "/" + args.length + ":" + args[0]);
            }
            if (answers.containsKey(n)) {
                return answers.get(n);
            }
            if (n.equals("toString")) {
                return "Fake" + type.getSimpleName();
            }
            Class<?> r = m.getReturnType();
            if (r == boolean.class) {
                return false;
            }
            if (r == int.class) {
                return 0;
            }
            if (r == long.class) {
                return 0L;
            }
            return r == float.class ? (Object) 0f : null;
        });
        return type.cast(p);
    }

    /** @return a SIP URI fake */
    public static SipURI sipUri(String scheme, String user, String host, int port, Map<String, String> params) {
        Map<String, Object> a = new HashMap<>();
        a.put("getScheme", scheme);
        a.put("getUser", user);
        a.put("getHost", host);
        a.put("getPort", port);
        a.put("isSecure", scheme.equals("sips"));
        a.put("isSipURI", true);
        a.put("getUserParam", params.get("user"));
        params.forEach((k, v) -> a.put("getParameter/1:" + k, v));
        a.put("toString", scheme + ":" + (user == null ? "" : user + "@") + host + (port > 0 ? ":" + port : ""));
        return fake(SipURI.class, a);
    }

    /** @return a tel URL fake */
    public static TelURL telUrl(String number, boolean global) {
        return fake(TelURL.class, Map.of("getScheme", "tel", "getPhoneNumber", number, "isGlobal", global,
                "toString", "tel:" + (global ? "+" : "") + number));
    }

    /** @return an address fake */
    public static Address address(String displayName, URI uri) {
        Map<String, Object> a = new HashMap<>();
        if (displayName != null) {
            a.put("getDisplayName", displayName);
        }
        a.put("getURI", uri);
        a.put("toString", (displayName == null ? "" : "\"" + displayName + "\" ") + "<" + uri + ">");
        return fake(Address.class, a);
    }

    /** Builder of a request fake. */
    public static final class Request {
        private final Map<String, Object> answers = new HashMap<>();

        /** @return this, answering {@code method} with {@code value} */
        public Request with(String method, Object value) {
            answers.put(method, value);
            return this;
        }

        /** @return this, with header {@code name} (both plain and as address if {@code value} is an Address) */
        public Request header(String name, Object value) {
            if (value instanceof Address a) {
                answers.put("getAddressHeader/1:" + name, a);
                answers.put("getHeader/1:" + name, a.toString());
            } else {
                answers.put("getHeader/1:" + name, value);
            }
            return this;
        }

        /** @return the fake request */
        public SipServletRequest build() {
            return fake(SipServletRequest.class, answers);
        }
    }

    /** @return a request builder with method and request URI */
    public static Request request(String method, URI requestUri) {
        return new Request().with("getMethod", method).with("getRequestURI", requestUri);
    }

    /** A services factory handing out fresh fakes and remembering what it made and released. */
    public static final class Services implements AppServicesFactory {
        /** Every services object created, in order. */
        public final List<AppServices> created = new CopyOnWriteArrayList<>();
        /** Names of applications whose services were released. */
        public final List<String> released = new CopyOnWriteArrayList<>();
        /** The DataSource handed to every application, or null for none. */
        public volatile javax.sql.DataSource dataSource;

        @Override
        public AutoCloseable startHttp(HttpApp app) {
            return null;
        }

        @Override
        public AppServices create(String appName, ClassLoader appLoader) {
            AppServices s = new AppServices(fake(SipFactory.class, Map.of("toString", "SipFactory[" + appName + "]")),
                    fake(TimerService.class, Map.of()), fake(SipSessionsUtil.class, Map.of()), dataSource);
            created.add(s);
            return s;
        }

        @Override
        public void release(String appName, AppServices services) {
            released.add(appName);
        }
    }
}
