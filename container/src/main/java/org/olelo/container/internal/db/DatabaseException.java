package org.olelo.container.internal.db;

/**
 * The database could not be opened, migrated or used. The message names the configuration key at
 * fault when there is one ({@code db.url}, {@code db.user}...), the URL without its credentials
 * and what went wrong.
 */
public final class DatabaseException extends Exception {

    private final String key;

    /**
     * @param key     the configuration key at fault, or null
     * @param message what went wrong, one line
     * @param cause   the underlying failure, or null
     */
    public DatabaseException(String key, String message, Throwable cause) {
        super((key == null ? "" : key + ": ") + message, cause);
        this.key = key;
    }

    /** @return the configuration key at fault, or null */
    public String key() {
        return key;
    }
}
