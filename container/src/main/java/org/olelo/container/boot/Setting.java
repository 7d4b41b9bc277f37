package org.olelo.container.boot;

import java.nio.file.Path;

/**
 * One configuration value as given, with its origin for messages.
 *
 * @param key   the dotted key, e.g. {@code sip.t1.millis}
 * @param value the text as given
 * @param where the origin as shown to the user: {@code file:line}, {@code environment OLELO_X} or
 *              {@code option --x}
 * @param file  the configuration file it came from, or null
 * @param line  the 1-based line in {@code file}, or 0
 */
record Setting(String key, String value, String where, Path file, int line) {

    /** A value from a line of the configuration file. */
    static Setting fromFile(String key, String value, Path file, int line) {
        return new Setting(key, value, file + ":" + line, file, line);
    }

    /** A value from an environment variable. */
    static Setting fromEnv(String key, String value, String variable) {
        return new Setting(key, value, "environment " + variable, null, 0);
    }

    /** A value from a command-line option. */
    static Setting fromFlag(String key, String value, String option) {
        return new Setting(key, value, "option " + option, null, 0);
    }
}
