package org.olelo.container.boot;

import java.nio.file.Path;

/**
 * A configuration fault: where it was found, the key and what was expected. Its message is one
 * line, e.g. {@code deploy/olelo.properties:12: sip.t1.millis: expected a whole number from 1 to
 * 60000 but found 'abc'}.
 */
public final class ConfigException extends Exception {

    private final transient Path file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param where   where the value came from: {@code file:line}, an environment variable or a flag
     * @param file    the configuration file at fault, or null when the value did not come from one
     * @param line    the 1-based line in {@code file}, or 0
     * @param key     the key at fault, or null when the fault is not about one key
     * @param problem what was expected and what was found
     */
    public ConfigException(String where, Path file, int line, String key, String problem) {
        super(where + ": " + (key == null ? "" : key + ": ") + problem);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    /**
     * @param setting the value at fault
     * @param problem what was expected and what was found
     * @return the exception naming the setting's origin and key
     */
    static ConfigException at(Setting setting, String problem) {
        return new ConfigException(setting.where(), setting.file(), setting.line(), setting.key(), problem);
    }

    /** @return the configuration file at fault, or null */
    public Path file() {
        return file;
    }

    /** @return the 1-based line in {@link #file()}, or 0 */
    public int line() {
        return line;
    }

    /** @return the key at fault, or null */
    public String key() {
        return key;
    }

    /** @return what was expected and what was found */
    public String problem() {
        return problem;
    }
}
