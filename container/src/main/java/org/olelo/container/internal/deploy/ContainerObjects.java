package org.olelo.container.internal.deploy;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.ServletContext;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletContext;
import jakarta.servlet.sip.SipSessionsUtil;
import jakarta.servlet.sip.TimerService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How the container's objects reach an application: as context attributes under
 * the JSR 289 names (and {@value #DATA_SOURCE} for the database), as CDI beans,
 * which also serve {@code @Resource} fields, and as JNDI names under
 * {@code java:comp/env} ({@link #names}). Stateless; deployer thread.
 */
final class ContainerObjects {

    /**
     * The option tags published under {@code SipServlet.SUPPORTED}: what the container does for
     * applications that use them, each shown by a flow test: reliable provisional responses
     * ({@code 100rel}, RFC 3262), session timers ({@code timer}, RFC 4028), Path ({@code path},
     * RFC 3327), and the session targeting and corresponding sessions of {@code replaces}
     * (RFC 3891) and {@code join} (RFC 3911).
     */
    static final List<String> SUPPORTED = List.of("100rel", "timer", "path", "replaces", "join");
    /** Context attribute holding the application's {@link DataSource} (the default pool). */
    static final String DATA_SOURCE = "org.olelo.DataSource";
    /**
     * The RFC numbers published under {@code SipServlet.SUPPORTED_RFCs}: those of {@link #SUPPORTED},
     * UPDATE (3311), MESSAGE (3428), rport (3581), subscription dialogs (6665) and SHA-256 digests
     * (8760), besides SIP itself. Not listed: REFER (3515), which no test covers yet.
     */
    static final List<String> SUPPORTED_RFCS = List.of("3261", "3262", "3311", "3327", "3428", "3581", "3891",
            "3911", "4028", "6665", "8760");

    private ContainerObjects() {
    }

    /** Sets the context attributes ({@code SIP_FACTORY}, {@code TIMER_SERVICE}, …) of an application. */
    static void publish(ServletContext ctx, AppServices s) {
        if (s.sipFactory() != null) {
            ctx.setAttribute(SipServlet.SIP_FACTORY, s.sipFactory());
        }
        if (s.timerService() != null) {
            ctx.setAttribute(SipServlet.TIMER_SERVICE, s.timerService());
        }
        if (s.sessionsUtil() != null) {
            ctx.setAttribute(SipServlet.SIP_SESSIONS_UTIL, s.sessionsUtil());
        }
        if (s.dataSource() != null) {
            ctx.setAttribute(DATA_SOURCE, s.dataSource());
        }
        if (s.executor() != null) {
            ctx.setAttribute(ManagedExecutorService.class.getName(), s.executor());
            ctx.setAttribute(ManagedScheduledExecutorService.class.getName(), s.executor());
        }
        if (s.statistics() != null) {
            ctx.setAttribute(org.olelo.api.stats.Statistics.ATTRIBUTE, s.statistics());
        }
        ctx.setAttribute(SipServlet.SUPPORTED, SUPPORTED);
        ctx.setAttribute(SipServlet.SUPPORTED_RFCs, SUPPORTED_RFCS);
    }

    /**
     * The names of an application's container objects under {@code java:comp/env}: JSR 289's
     * {@code sip/<app-name>/SipFactory}, {@code .../TimerService} and {@code .../SipSessionsUtil},
     * and {@code jdbc/default} for the default database pool.
     *
     * @param appName the application's name
     * @param s       its container objects
     * @return the objects by name
     */
    static Map<String, Object> names(String appName, AppServices s) {
        Map<String, Object> m = new LinkedHashMap<>();
        String sip = "sip/" + appName + "/";
        if (s.sipFactory() != null) {
            m.put(sip + "SipFactory", s.sipFactory());
        }
        if (s.timerService() != null) {
            m.put(sip + "TimerService", s.timerService());
        }
        if (s.sessionsUtil() != null) {
            m.put(sip + "SipSessionsUtil", s.sessionsUtil());
        }
        if (s.dataSource() != null) {
            m.put("jdbc/default", s.dataSource());
        }
        return m;
    }

    /** @return the objects to expose as injectable beans, by the type they are injected as */
    static Map<Class<?>, Object> beans(SipServletContext ctx, AppServices s) {
        Map<Class<?>, Object> m = new LinkedHashMap<>();
        m.put(ServletContext.class, ctx);
        m.put(SipServletContext.class, ctx);
        if (s.sipFactory() != null) {
            m.put(SipFactory.class, s.sipFactory());
        }
        if (s.timerService() != null) {
            m.put(TimerService.class, s.timerService());
        }
        if (s.sessionsUtil() != null) {
            m.put(SipSessionsUtil.class, s.sessionsUtil());
        }
        if (s.dataSource() != null) {
            m.put(DataSource.class, s.dataSource());
        }
        if (s.executor() != null) {
            m.put(ManagedExecutorService.class, s.executor());
            m.put(ManagedScheduledExecutorService.class, s.executor());
        }
        return m;
    }
}
