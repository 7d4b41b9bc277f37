package org.olelo.container.internal.router;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical line of a properties-style file: a physical line plus the lines
 * joined to it by a trailing backslash, with a map from character offsets back
 * to physical line numbers for error messages. Comment ({@code #}, {@code !})
 * and blank lines are dropped; backslashes are otherwise kept as written.
 *
 * <p>Immutable value; used by the parser on the reloading thread.
 *
 * @param text    the joined text, leading white space of each piece removed
 * @param offsets start offset in {@code text} of each joined physical line
 * @param lines   the 1-based physical line number of each piece
 */
record LogicalLine(String text, List<Integer> offsets, List<Integer> lines) {

    /** @return the physical line holding the character at {@code pos} */
    int lineAt(int pos) {
        int line = lines.get(0);
        for (int i = 0; i < offsets.size(); i++) {
            if (offsets.get(i) <= pos) {
                line = lines.get(i);
            }
        }
        return line;
    }

    /** Splits a file's physical lines into logical lines. */
    static List<LogicalLine> split(List<String> physical) {
        List<LogicalLine> out = new ArrayList<>();
        StringBuilder text = null;
        List<Integer> offsets = null;
        List<Integer> lines = null;
        for (int i = 0; i < physical.size(); i++) {
            String piece = physical.get(i).stripLeading();
            if (text == null) {
                if (piece.isEmpty() || piece.startsWith("#") || piece.startsWith("!")) {
                    continue;
                }
                text = new StringBuilder();
                offsets = new ArrayList<>();
                lines = new ArrayList<>();
            }
            offsets.add(text.length());
            lines.add(i + 1);
            boolean continued = endsWithOddBackslashes(piece);
            text.append(continued ? piece.substring(0, piece.length() - 1) : piece);
            if (!continued) {
                out.add(new LogicalLine(text.toString().stripTrailing(), List.copyOf(offsets), List.copyOf(lines)));
                text = null;
            }
        }
        if (text != null) {
            out.add(new LogicalLine(text.toString().stripTrailing(), List.copyOf(offsets), List.copyOf(lines)));
        }
        return out;
    }

    private static boolean endsWithOddBackslashes(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
