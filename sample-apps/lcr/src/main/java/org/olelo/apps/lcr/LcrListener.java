package org.olelo.apps.lcr;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletContext;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.lcr.store.LoadException;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the application before its servlets: reads the context parameters ({@link LcrConfig}),
 * creates the tables and loads the rows of the {@code lcr_id} ({@link LcrRuntime}), publishes the
 * runtime (attribute {@value LcrRuntime#ATTRIBUTE}) and the management commands (attribute
 * {@value #COMMANDS_ATTRIBUTE}, and registered with the container's {@link RpcCommands} when it
 * offers them), and makes {@code lcr-open} the main servlet when {@code auth.required=false}.
 *
 * <p>The container calls it on its deployer thread. A bad context parameter, no database, a failed
 * migration or an unusable row fails the deployment with the reason.
 */
public class LcrListener implements ServletContextListener {

    /** The ServletContext attribute under which the container publishes its default DataSource. */
    public static final String DATA_SOURCE_ATTRIBUTE = "org.olelo.DataSource";
    /** The ServletContext attribute holding this application's commands, a {@code List<RpcCommand>}. */
    public static final String COMMANDS_ATTRIBUTE = "org.olelo.apps.lcr.commands";

    private final List<RpcCommands.Registration> registrations = new ArrayList<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        LcrConfig config = LcrConfig.from(ctx::getInitParameter);
        if (!(ctx.getAttribute(DATA_SOURCE_ATTRIBUTE) instanceof DataSource ds)) {
            throw new IllegalStateException("lcr: the container offers no database; the lcr tables live there");
        }
        Statistics statistics = ctx.getAttribute(Statistics.ATTRIBUTE) instanceof Statistics s ? s : null;
        SipFactory factory = (SipFactory) ctx.getAttribute(SipServlet.SIP_FACTORY);
        LcrRuntime rt;
        try {
            rt = LcrRuntime.start(config, ds, getClass().getClassLoader(), factory, statistics, ctx::log);
        } catch (LoadException e) {
            throw new IllegalStateException("lcr: " + e.getMessage(), e);
        }
        if (!config.authRequired() && ctx instanceof SipServletContext sc) {
            sc.getSipApplicationConfiguration().setMainServlet("lcr-open");
        }
        ctx.setAttribute(LcrRuntime.ATTRIBUTE, rt);
        List<RpcCommand> commands = LcrCommands.of(rt);
        ctx.setAttribute(COMMANDS_ATTRIBUTE, commands);
        if (ctx.getAttribute(RpcCommands.ATTRIBUTE) instanceof RpcCommands rpc) {
            for (RpcCommand c : commands) {
                try {
                    registrations.add(rpc.register(c));
                } catch (IllegalArgumentException e) {
                    // e.g. an earlier version of this application still drains its calls and holds the name
                    ctx.log("lcr: management command " + c.name() + " not registered: " + e.getMessage());
                }
            }
        }
        ctx.log("lcr: started for lcr_id " + config.lcrId() + (config.authRequired() ? ", callers must authenticate"
                : ", callers need not authenticate"));
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        registrations.forEach(RpcCommands.Registration::remove);
        registrations.clear();
        event.getServletContext().removeAttribute(COMMANDS_ATTRIBUTE);
        event.getServletContext().removeAttribute(LcrRuntime.ATTRIBUTE);
    }
}
