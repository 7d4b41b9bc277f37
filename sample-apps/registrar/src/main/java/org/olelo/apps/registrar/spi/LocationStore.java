package org.olelo.apps.registrar.spi;

import java.util.List;
import java.util.Map;

/**
 * Where the bindings of each address-of-record (AOR) live: Kamailio's usrloc as a Java interface.
 *
 * <p>An AOR is a canonical key such as {@code sip:alice@example.com} (see
 * {@code org.olelo.apps.registrar.service.Aor}); its bindings are replaced as a whole, so a reader
 * sees either the old list or the new one, never a mix. A list handed out is immutable.
 *
 * <p>Implementations are safe for concurrent use from any thread. A caller that reads a list,
 * changes it and writes it back (the registrar does) serialises those steps per AOR itself; the
 * store does not merge concurrent replacements. Methods may block on I/O (JDBC).
 */
public interface LocationStore extends AutoCloseable {

    /**
     * @param aor the canonical AOR
     * @return its bindings as stored, possibly including expired ones the cleanup has not removed
     *         yet; empty when there are none
     * @throws StoreException when the store cannot be read
     */
    List<Binding> get(String aor) throws StoreException;

    /**
     * Replaces every binding of an AOR, atomically: when this method returns, the new list is
     * stored as durably as the implementation promises; when it throws, the old list is unchanged.
     *
     * @param aor      the canonical AOR
     * @param bindings the complete new list, each binding with this AOR and a distinct contact; an
     *                 empty list removes the AOR
     * @throws StoreException when the list could not be stored
     */
    void put(String aor, List<Binding> bindings) throws StoreException;

    /**
     * Removes every binding of an AOR; nothing happens when it has none.
     *
     * @param aor the canonical AOR
     * @throws StoreException when the store cannot be written
     */
    void remove(String aor) throws StoreException;

    /**
     * Removes the bindings whose expiry time is at or before {@code now}.
     *
     * @param now the current time, epoch milliseconds
     * @return how many bindings were removed
     * @throws StoreException when the store cannot be written
     */
    int removeExpired(long now) throws StoreException;

    /**
     * @return every stored AOR with its bindings (used at start-up to fill a cache)
     * @throws StoreException when the store cannot be read
     */
    Map<String, List<Binding>> loadAll() throws StoreException;

    /**
     * @param now the current time, epoch milliseconds
     * @return how many bindings expire after {@code now}
     * @throws StoreException when the store cannot be read
     */
    int count(long now) throws StoreException;

    /**
     * Releases what the store holds (threads, pending writes are flushed first). The default does
     * nothing.
     *
     * @throws StoreException when pending writes could not be flushed
     */
    @Override
    default void close() throws StoreException {
    }
}
