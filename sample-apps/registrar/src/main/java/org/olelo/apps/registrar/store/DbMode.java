package org.olelo.apps.registrar.store;

import java.util.Locale;

/**
 * How the location index and the database work together: Kamailio usrloc's {@code db_mode}, by
 * name or by Kamailio's number.
 */
public enum DbMode {

    /** 0: memory only; nothing survives a restart. */
    MEMORY("memory", 0),
    /** 1: every change is committed to the database before it is visible and acknowledged. */
    WRITE_THROUGH("write-through", 1),
    /** 2: changes go to memory and are flushed to the database periodically and on shutdown. */
    WRITE_BACK("write-back", 2),
    /** 3: no memory index; every read and write goes to the database. */
    DB_ONLY("db-only", 3);

    private final String key;
    private final int kamailio;

    DbMode(String key, int kamailio) {
        this.key = key;
        this.kamailio = kamailio;
    }

    /** @return the configuration value, e.g. {@code write-through} */
    public String key() {
        return key;
    }

    /** @return whether this mode needs a database */
    public boolean usesDatabase() {
        return this != MEMORY;
    }

    /**
     * @param text a name ({@code memory}, {@code write-through}, {@code write-back},
     *             {@code db-only}) or a Kamailio number (0 to 3)
     * @return the mode
     * @throws IllegalArgumentException when the text is neither
     */
    public static DbMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (DbMode m : values()) {
            if (m.key.equals(t) || String.valueOf(m.kamailio).equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("expected memory, write-through, write-back or db-only (or 0-3) but found '"
                + text + "'");
    }

    @Override
    public String toString() {
        return key;
    }
}
