/**
 * The database service of the container, Kamailio's "database layer" in Java terms.
 *
 * <p>{@link org.olelo.container.internal.db.DatabaseService} owns the JDBC connection pools
 * (HikariCP): one pool named {@code default}, on an embedded H2 file under the data folder unless
 * {@code db.url} names another database. It brings the container's own tables up to date with
 * Flyway (scripts in {@code db/olelo/} on the class path, history in {@code olelo_schema_history})
 * before any application is deployed, and is closed last when the server stops.
 *
 * <p>Applications reach the default pool only through the standard ways, never through this
 * package: {@code @Inject DataSource}, {@code @Resource DataSource} (name {@code jdbc/default} or
 * none) and the context attribute {@code org.olelo.DataSource}. What they get is an
 * {@link org.olelo.container.internal.db.AppDataSource}, which lends connections but cannot close
 * or reconfigure the shared pool.
 *
 * <p>The container's tables: {@code subscriber} (user name, domain, HA1 digests for MD5 and
 * SHA-256, roles), read by the digest authenticator and written by the {@code subscriber}
 * commands of {@code olelo.jar}, through {@link org.olelo.container.internal.db.SubscriberStore}.
 */
package org.olelo.container.internal.db;
