package org.olelo.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What one sipp run reached.
 *
 * @param name       the run's name
 * @param exitCode   sipp's exit code: 0 all calls successful, 1 some failed, 97 stopped by command,
 *                   99 no call processed, 255 fatal error, 254 cannot bind; -1 when still running
 * @param killed     whether the run was killed (past its time limit, or stopped on purpose)
 * @param successful calls that reached the end of the scenario, -1 when unknown
 * @param failed     calls that failed, -1 when unknown
 * @param dir        the run's folder with its output, traces and statistics
 */
record SippResult(String name, int exitCode, boolean killed, long successful, long failed, Path dir) {

    /** @return whether the run ended by itself with exit code 0 and exactly {@code calls} successful calls */
    boolean allSuccessful(int calls) {
        return !killed && exitCode == 0 && successful == calls && failed == 0;
    }

    /** @return a summary with the end of the error log and of the output, for assertion messages */
    String describe() {
        StringBuilder b = new StringBuilder().append(name).append(": exit ").append(exitCode)
                .append(killed ? " (killed)" : "").append(", successful ").append(successful)
                .append(", failed ").append(failed).append(", files in ").append(dir.toAbsolutePath());
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith("_errors.log")).findFirst()
                    .ifPresent(p -> b.append("\n--- ").append(p.getFileName()).append(" (end)\n")
                            .append(SippRunner.tail(p, 30)));
        } catch (IOException e) {
            b.append("\n(cannot list ").append(dir).append(")");
        }
        b.append("\n--- sipp.out (end)\n").append(SippRunner.tail(dir.resolve("sipp.out"), 15));
        return b.toString();
    }

    /**
     * Reads the cumulative counts of the last line of {@code stats.csv} ({@code -trace_stat}).
     *
     * @return successful and failed calls, -1 each when the file is missing or incomplete
     */
    static long[] readStats(Path dir) {
        try {
            var lines = Files.readAllLines(dir.resolve("stats.csv")).stream().filter(l -> !l.isBlank()).toList();
            if (lines.size() < 2) {
                return new long[] {-1, -1};
            }
            String[] head = lines.get(0).split(";");
            String[] last = lines.get(lines.size() - 1).split(";");
            return new long[] {column(head, last, "SuccessfulCall(C)"), column(head, last, "FailedCall(C)")};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    private static long column(String[] head, String[] row, String name) {
        for (int i = 0; i < head.length && i < row.length; i++) {
            if (head[i].equals(name)) {
                try {
                    return Long.parseLong(row[i].trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
