/**
 * The shipped location stores: {@link org.olelo.apps.registrar.store.MemoryLocationStore} (the
 * in-memory index), {@link org.olelo.apps.registrar.store.JdbcLocationStore} (the
 * {@code location} table), {@link org.olelo.apps.registrar.store.CachedLocationStore} (the two
 * combined as Kamailio usrloc's {@link org.olelo.apps.registrar.store.DbMode}s), the Flyway
 * migration of the table ({@link org.olelo.apps.registrar.store.SchemaMigrator}) and the reader of
 * the container's {@code subscriber} table
 * ({@link org.olelo.apps.registrar.store.JdbcSubscriberDirectory}).
 */
package org.olelo.apps.registrar.store;
