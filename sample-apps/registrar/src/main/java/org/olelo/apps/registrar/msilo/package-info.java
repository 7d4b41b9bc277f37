/**
 * Offline instant messages (RFC 3428 MESSAGE; Kamailio's {@code msilo}), free of the servlet API:
 * a MESSAGE for a known local user who has no registered contact is kept in the table
 * {@code silo} ({@link org.olelo.apps.registrar.msilo.SiloStore}) before it is answered
 * {@code 202 Accepted}, and {@link org.olelo.apps.registrar.msilo.Silo} hands it to a
 * {@link org.olelo.apps.registrar.msilo.SiloSender} when the user registers again, one message at
 * a time and in the order they arrived; a periodic sweep removes expired messages and retries
 * failed deliveries after their backoff. Statistics ({@link org.olelo.apps.registrar.msilo.SiloStatistics})
 * and the {@code msilo.dump} management command ({@link org.olelo.apps.registrar.msilo.SiloCommands})
 * are published through Olelo's extension API when the container offers it.
 *
 * <pre>
 *  MESSAGE, user offline ─► Silo.store ─► INSERT (committed) ─► 202
 *  REGISTER 200 ─► Silo.registered ─► delivery thread ─► SiloSender (MESSAGE through the routing) ─► 2xx: DELETE
 *                                                                                              └► error: backoff
 *  sweep (every sweep.interval) ─► DELETE expired ─► retry due messages of registered users
 * </pre>
 */
package org.olelo.apps.registrar.msilo;
