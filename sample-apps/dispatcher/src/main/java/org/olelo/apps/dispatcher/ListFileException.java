package org.olelo.apps.dispatcher;

import java.util.List;

/** A {@code dispatcher.list} file could not be read or has bad lines. */
public final class ListFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param message  what went wrong, with the file and the lines
     * @param problems each bad line as {@code line N: reason}; empty when the file could not be read
     */
    public ListFileException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Each bad line as {@code line N: reason}. */
    public List<String> problems() {
        return problems;
    }
}
