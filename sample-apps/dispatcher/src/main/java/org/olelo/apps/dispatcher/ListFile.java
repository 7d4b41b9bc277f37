package org.olelo.apps.dispatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Kamailio {@code dispatcher.list} file: one destination per line,
 *
 * <pre>
 * # setid destination [flags [priority [attrs [description]]]]
 * 1 sip:10.0.0.1:5060
 * 1 sip:10.0.0.2:5060 0 10 weight=30;duid=gw2;maxload=50 second gateway
 * </pre>
 *
 * Fields are separated by blanks; {@code #} starts a comment (whole line or after the fields);
 * blank lines are skipped. Every bad line is reported with its number, all at once. Stateless.
 */
public final class ListFile {

    /** More lines than this are refused: the file is read whole at deployment and reload. */
    public static final int MAX_LINES = 100_000;

    private ListFile() {
    }

    /**
     * @param file the file
     * @return the destinations in file order
     * @throws ListFileException naming the file and every bad line, or why it cannot be read
     */
    public static List<Destination> read(Path file) throws ListFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ListFileException("cannot read " + file + ": " + e.getMessage(), List.of());
        }
        try {
            return parse(lines);
        } catch (ListFileException e) {
            throw new ListFileException(file + ": " + e.getMessage(), e.problems());
        }
    }

    /**
     * @param lines the file's lines
     * @return the destinations in order
     * @throws ListFileException listing every bad line as {@code line N: reason}
     */
    public static List<Destination> parse(List<String> lines) throws ListFileException {
        if (lines.size() > MAX_LINES) {
            throw new ListFileException("more than " + MAX_LINES + " lines", List.of());
        }
        List<Destination> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                out.add(line(text));
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ListFileException(problems.size() + " bad line(s): " + String.join("; ", problems), problems);
        }
        return out;
    }

    private static Destination line(String text) {
        String[] f = text.split("\\s+", 6);
        if (f.length < 2) {
            throw new IllegalArgumentException("expected 'setid destination [flags [priority [attrs]]]'");
        }
        int setId = number(f[0], "setid");
        int flags = f.length > 2 ? number(f[2], "flags") : 0;
        int priority = f.length > 3 ? number(f[3], "priority") : 0;
        String attrs = f.length > 4 ? f[4] : "";
        String description = f.length > 5 ? f[5] : "";
        return Destination.of(setId, f[1], flags, priority, attrs, description);
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number but is '" + text + "'");
        }
    }
}
