package org.olelo.apps.lcr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.sip.SipApplicationConfiguration;
import jakarta.servlet.sip.SipServletContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;

/**
 * The listener against a context made of its attributes and parameters: it publishes the
 * runtime and the commands, registers them with {@link RpcCommands} when present (a taken name
 * does not fail the deployment), works without it, removes them at the end, and makes
 * {@code lcr-open} the main servlet only when {@code auth.required=false}.
 */
class LcrListenerTest {

    private static final AtomicInteger DB = new AtomicInteger();

    private final Map<String, Object> attributes = new HashMap<>();
    private final Map<String, String> params = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private final List<String> mainServlet = new ArrayList<>();

    private SipServletContext context() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:listener" + DB.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        attributes.put(LcrListener.DATA_SOURCE_ATTRIBUTE, ds);
        SipApplicationConfiguration config = (SipApplicationConfiguration) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SipApplicationConfiguration.class}, (p, m, a) -> {
                    if (m.getName().equals("setMainServlet")) {
                        mainServlet.add((String) a[0]);
                    }
                    return null;
                });
        return (SipServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SipServletContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getAttribute" -> attributes.get((String) a[0]);
                    case "setAttribute" -> attributes.put((String) a[0], a[1]);
                    case "removeAttribute" -> attributes.remove((String) a[0]);
                    case "getInitParameter" -> params.get((String) a[0]);
                    case "log" -> log.add((String) a[0]);
                    case "getSipApplicationConfiguration" -> config;
                    default -> null;
                });
    }

    /** Commands kept by name; a name listed in {@code taken} is refused as the container would. */
    private static final class Registry implements RpcCommands {
        final Map<String, RpcCommand> commands = new HashMap<>();
        final List<String> taken = new ArrayList<>();

        @Override
        public Registration register(RpcCommand command) {
            if (taken.contains(command.name())) {
                throw new IllegalArgumentException("the name " + command.name() + " is taken");
            }
            commands.put(command.name(), command);
            return () -> commands.remove(command.name());
        }

        @Override
        public List<String> names() {
            return List.copyOf(commands.keySet());
        }
    }

    @Test
    void registersTheCommandsAndRemovesThemAtTheEnd() {
        Registry registry = new Registry();
        registry.taken.add("lcr.dump_rules");
        attributes.put(RpcCommands.ATTRIBUTE, registry);
        SipServletContext ctx = context();
        LcrListener listener = new LcrListener();
        listener.contextInitialized(new ServletContextEvent(ctx));
        assertEquals(List.of("lcr.dump_gws", "lcr.reload"), registry.names().stream().sorted().toList());
        assertTrue(log.stream().anyMatch(l -> l.contains("lcr.dump_rules not registered")), log.toString());
        assertTrue(attributes.get(LcrRuntime.ATTRIBUTE) instanceof LcrRuntime);
        assertEquals(3, ((List<?>) attributes.get(LcrListener.COMMANDS_ATTRIBUTE)).size());
        assertEquals(List.of(), mainServlet, "by default the constrained servlet stays the main one");

        listener.contextDestroyed(new ServletContextEvent(ctx));
        assertEquals(List.of(), registry.names());
        assertNull(attributes.get(LcrRuntime.ATTRIBUTE));
    }

    @Test
    void worksWithoutTheRegistryAndOpensWhenAuthenticationIsNotRequired() {
        params.put("auth.required", "false");
        SipServletContext ctx = context();
        new LcrListener().contextInitialized(new ServletContextEvent(ctx));
        assertTrue(attributes.get(LcrRuntime.ATTRIBUTE) instanceof LcrRuntime);
        assertEquals(List.of("lcr-open"), mainServlet);
    }

    @Test
    void failsTheDeploymentWithoutDatabaseOrWithABadParameter() {
        SipServletContext ctx = context();
        attributes.remove(LcrListener.DATA_SOURCE_ATTRIBUTE);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new LcrListener().contextInitialized(new ServletContextEvent(ctx)));
        assertTrue(e.getMessage().contains("database"), e.getMessage());
        params.put("gw.failures", "-1");
        assertThrows(IllegalArgumentException.class, () -> new LcrListener().contextInitialized(new ServletContextEvent(ctx)));
    }
}
