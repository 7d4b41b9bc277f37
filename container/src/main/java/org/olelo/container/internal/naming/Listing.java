package org.olelo.container.internal.naming;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import javax.naming.NamingEnumeration;

/** A fixed list of names or bindings, as {@code Context.list} returns them. One thread at a time. */
final class Listing<T> implements NamingEnumeration<T> {

    private final Iterator<T> items;

    Listing(List<T> items) {
        this.items = List.copyOf(items).iterator();
    }

    @Override
    public T next() {
        return nextElement();
    }

    @Override
    public boolean hasMore() {
        return items.hasNext();
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public boolean hasMoreElements() {
        return items.hasNext();
    }

    @Override
    public T nextElement() {
        if (!items.hasNext()) {
            throw new NoSuchElementException();
        }
        return items.next();
    }
}
