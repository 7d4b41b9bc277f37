package org.olelo.apps.registrar.service;

import org.olelo.apps.registrar.spi.Binding;
import org.olelo.apps.registrar.spi.LocationStore;
import org.olelo.apps.registrar.spi.StoreException;
import org.olelo.apps.registrar.store.MemoryLocationStore;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Test support: a registrar over an in-memory store, local domain example.com, default limits. */
class RegistrarFixture {

    static final String AOR = "sip:alice@example.com";
    static final long NOW = 1_700_000_000_000L;

    final LocationStore store;
    final RegistrarStatistics stats = new RegistrarStatistics();
    final KnownAors known = new KnownAors();
    final Registrar registrar;

    RegistrarFixture() {
        this(new MemoryLocationStore(), new Registrar.Policy(3600, 60, 86400, 10));
    }

    RegistrarFixture(LocationStore store, Registrar.Policy policy) {
        this.store = store;
        this.registrar = new Registrar(store, policy, LocalDomains.of("example.com", "127.0.0.1"), stats, known);
    }

    RegisterResult.Accepted ok(Reg reg) {
        return ok(reg, NOW);
    }

    RegisterResult.Accepted ok(Reg reg, long now) {
        RegisterResult r = registrar.register(reg.build(), now);
        return assertInstanceOf(RegisterResult.Accepted.class, r, () -> "expected 200 but got " + r);
    }

    RegisterResult.Rejected rejected(Reg reg, int status) {
        RegisterResult r = registrar.register(reg.build(), NOW);
        RegisterResult.Rejected no = assertInstanceOf(RegisterResult.Rejected.class, r, () -> "expected " + status
                + " but got " + r);
        assertEquals(status, no.status(), no::reason);
        return no;
    }

    List<Binding> stored() throws StoreException {
        return store.get(AOR);
    }

    List<String> storedContacts() throws StoreException {
        return stored().stream().map(Binding::contact).toList();
    }

    static List<String> contacts(RegisterResult.Accepted a) {
        return a.bindings().stream().map(Binding::contact).toList();
    }
}
