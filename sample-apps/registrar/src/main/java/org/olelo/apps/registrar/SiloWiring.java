package org.olelo.apps.registrar;

import jakarta.servlet.ServletContext;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcCommands;
import org.olelo.api.stats.Statistics;
import org.olelo.apps.registrar.msilo.Silo;
import org.olelo.apps.registrar.msilo.SiloCommands;
import org.olelo.apps.registrar.msilo.SiloConfig;
import org.olelo.apps.registrar.msilo.SiloStore;
import org.olelo.apps.registrar.service.Aor;
import org.olelo.apps.registrar.service.LookupResult;
import org.olelo.apps.registrar.service.RegistrarException;
import org.olelo.apps.registrar.service.Target;
import org.olelo.apps.registrar.spi.StoreException;
import org.olelo.apps.registrar.store.SchemaMigrator;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the offline message store with the registrar and stops it before: reads its
 * context-params ({@link SiloConfig}), migrates the table when the location store did not, and
 * publishes the {@link Silo} (attribute {@value Silo#ATTRIBUTE}) and its {@link SiloDelivery}; the
 * {@code msilo.dump} command and the {@code msilo} statistics are registered with the container's
 * {@link RpcCommands} and {@link Statistics} when it offers them. Without a database, or with
 * {@code msilo.enabled=false}, nothing is published and MESSAGEs for offline users are answered as
 * other requests are.
 *
 * <p>Runs on the container's deployer thread; blocks on the database while starting.
 */
final class SiloWiring implements AutoCloseable {

    private final ServletContext ctx;
    private final Silo silo;
    private final List<RpcCommands.Registration> commands = new ArrayList<>();

    private SiloWiring(ServletContext ctx, Silo silo) {
        this.ctx = ctx;
        this.silo = silo;
    }

    /**
     * @return the running wiring, or null when the store is off or has no database
     * @throws StoreException when the table cannot be migrated or read
     */
    static SiloWiring start(ServletContext ctx, RegistrarRuntime runtime, DataSource ds, ClassLoader loader)
            throws StoreException {
        SiloConfig config = SiloConfig.from(ctx::getInitParameter);
        if (!config.enabled()) {
            return null;
        }
        if (ds == null) {
            ctx.log("registrar: no database, so MESSAGEs for offline users are not stored (msilo)");
            return null;
        }
        if (!runtime.config().dbMode().usesDatabase()) {
            SchemaMigrator.migrate(ds, loader);
        }
        SiloDelivery delivery = new SiloDelivery((SipFactory) ctx.getAttribute(SipServlet.SIP_FACTORY),
                aor -> targets(runtime, aor));
        Statistics stats = ctx.getAttribute(Statistics.ATTRIBUTE) instanceof Statistics s ? s : null;
        Silo silo = Silo.start(config, new SiloStore(ds), delivery, aor -> !targets(runtime, aor).isEmpty(),
                stats, (message, failure) -> {
                    if (failure == null) {
                        ctx.log(message); // INFO
                    } else {
                        ctx.log(message, failure); // ERROR, with the cause
                    }
                });
        SiloWiring wiring = new SiloWiring(ctx, silo);
        ctx.setAttribute(SiloDelivery.ATTRIBUTE, delivery);
        ctx.setAttribute(Silo.ATTRIBUTE, silo);
        if (ctx.getAttribute(RpcCommands.ATTRIBUTE) instanceof RpcCommands rpc) {
            for (RpcCommand c : SiloCommands.commands(silo)) {
                wiring.commands.add(rpc.register(c));
            }
        }
        ctx.log("registrar: MESSAGEs for offline users are stored (msilo): kept " + config.expiresSeconds()
                + " s, at most " + config.maxMessages() + " per user and " + config.maxBodyBytes() + " bytes each");
        return wiring;
    }

    /** The current contacts of a canonical AOR ({@code scheme:user@host}), best first; empty when none or unknown. */
    static List<Target> targets(RegistrarRuntime runtime, String aorKey) {
        int colon = aorKey.indexOf(':');
        int at = aorKey.lastIndexOf('@');
        if (colon < 0 || at < colon) {
            return List.of();
        }
        try {
            Aor aor = Aor.of(aorKey.substring(0, colon), aorKey.substring(colon + 1, at), aorKey.substring(at + 1));
            return runtime.location().lookup(aor, System.currentTimeMillis()) instanceof LookupResult.Found f
                    ? f.targets() : List.of();
        } catch (RegistrarException e) {
            return List.of();
        }
    }

    /** Removes the command, the attributes and stops the silo's threads. */
    @Override
    public void close() {
        commands.forEach(RpcCommands.Registration::remove);
        ctx.removeAttribute(Silo.ATTRIBUTE);
        ctx.removeAttribute(SiloDelivery.ATTRIBUTE);
        silo.close();
    }
}
