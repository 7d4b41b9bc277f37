/**
 * The location store extension point: {@link org.olelo.apps.registrar.spi.LocationStore} keeps
 * the {@link org.olelo.apps.registrar.spi.Binding}s of each address-of-record, and
 * {@link org.olelo.apps.registrar.spi.StoreException} reports that a store could not do its
 * work. The shipped implementations are in {@code org.olelo.apps.registrar.store}; another one
 * (a data grid, a remote cache) implements this interface and nothing else.
 */
package org.olelo.apps.registrar.spi;
