package org.olelo.apps.registrar.service;

import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.LocationStore;
import org.olelo.apps.registrar.spi.StoreException;

import java.util.List;
import java.util.Map;

/** Test support: a store whose reads work and whose writes and reads can be made to fail. */
final class FailingStore implements LocationStore {

    private final LocationStore delegate;
    private final boolean failReads;

    FailingStore(LocationStore delegate) {
        this(delegate, false);
    }

    FailingStore(LocationStore delegate, boolean failReads) {
        this.delegate = delegate;
        this.failReads = failReads;
    }

    private static StoreException down() {
        return new StoreException("database down", null);
    }

    @Override
    public List<Binding> get(String aor) throws StoreException {
        if (failReads) {
            throw down();
        }
        return delegate.get(aor);
    }

    @Override
    public void put(String aor, List<Binding> bindings) throws StoreException {
        throw down();
    }

    @Override
    public void remove(String aor) throws StoreException {
        throw down();
    }

    @Override
    public int removeExpired(long now) throws StoreException {
        throw down();
    }

    @Override
    public Map<String, List<Binding>> loadAll() throws StoreException {
        return delegate.loadAll();
    }

    @Override
    public int count(long now) throws StoreException {
        return delegate.count(now);
    }
}
