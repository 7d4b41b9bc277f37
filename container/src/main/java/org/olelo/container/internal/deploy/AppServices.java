package org.olelo.container.internal.deploy;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipSessionsUtil;
import jakarta.servlet.sip.TimerService;
import javax.sql.DataSource;
import org.olelo.api.stats.Statistics;

/**
 * The container objects one application gets: published in its context under
 * {@code SipServlet.SIP_FACTORY}, {@code TIMER_SERVICE},
 * {@code SIP_SESSIONS_UTIL} and {@code org.olelo.DataSource} (the executor under the names of
 * {@code ManagedExecutorService} and {@code ManagedScheduledExecutorService}, the statistics under
 * {@link Statistics#ATTRIBUTE}), and injectable with
 * {@code @Inject} and {@code @Resource}. A null component is neither published nor
 * injectable.
 *
 * <p>Immutable value; the objects it holds are used from any thread.
 *
 * @param sipFactory   the application's SIP factory
 * @param timerService the application's timer service
 * @param sessionsUtil the application's session look-up utility
 * @param dataSource   the container's default database pool as the application sees it
 * @param executor     the application's managed executor, whose tasks belong to application sessions
 * @param statistics   where the application registers its meters (removed at undeployment)
 */
public record AppServices(SipFactory sipFactory, TimerService timerService, SipSessionsUtil sessionsUtil,
                          DataSource dataSource, ManagedScheduledExecutorService executor, Statistics statistics) {

    /** The objects without statistics. */
    public AppServices(SipFactory sipFactory, TimerService timerService, SipSessionsUtil sessionsUtil,
                       DataSource dataSource, ManagedScheduledExecutorService executor) {
        this(sipFactory, timerService, sessionsUtil, dataSource, executor, null);
    }

    /** The objects without a managed executor. */
    public AppServices(SipFactory sipFactory, TimerService timerService, SipSessionsUtil sessionsUtil,
                       DataSource dataSource) {
        this(sipFactory, timerService, sessionsUtil, dataSource, null, null);
    }
}
