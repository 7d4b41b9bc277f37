package org.olelo.container.boot;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Where the {@code subscriber} commands take a password from. {@code --password VALUE} gives it;
 * a bare {@code --password} asks for it: on a terminal twice without echo (both must match),
 * otherwise as one line of standard input, so that {@code echo s3cret | olelo subscriber add
 * bob@example.com --password} works. An empty password is refused in every case.
 *
 * <p>Used by the command line's main thread only.
 */
final class PasswordInput {

    /** The value picocli gives a bare {@code --password}: no argument can hold a NUL character. */
    static final String ASK = "\0ask";

    /** Reads a password without echo; null at the end of input. */
    @FunctionalInterface
    interface Terminal {
        char[] readPassword(String prompt);
    }

    private final Terminal terminal;
    private final InputStream stdin;
    private final Charset charset;

    /**
     * @param terminal the terminal, or null when standard input is not one
     * @param stdin    standard input, read when there is no terminal
     * @param charset  the encoding of standard input
     */
    PasswordInput(Terminal terminal, InputStream stdin, Charset charset) {
        this.terminal = terminal;
        this.stdin = stdin;
        this.charset = charset;
    }

    /** @return the process's own terminal (when it has one) and standard input */
    static PasswordInput system() {
        Console c = System.console();
        Terminal t = c != null && isTerminal(c) ? c::readPassword : null;
        return new PasswordInput(t, System.in, c != null ? c.charset() : Charset.defaultCharset());
    }

    /**
     * Since Java 22 a console exists even when the streams are redirected; {@code isTerminal()}
     * (Java 22+) tells the two apart. On Java 21 a console exists only for a terminal.
     */
    private static boolean isTerminal(Console c) {
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * @param given   the value of {@code --password}, {@link #ASK} when it had none
     * @param subject whose password it is, for the prompt
     * @param err     where the one line explaining a refusal goes
     * @return the password, or null when it is empty, could not be read or was not confirmed (a
     *         line was printed to {@code err})
     */
    char[] obtain(String given, String subject, PrintWriter err) {
        char[] pw;
        if (!ASK.equals(given)) {
            pw = given == null ? new char[0] : given.toCharArray();
        } else if (terminal != null) {
            pw = terminal.readPassword("Password for " + subject + ": ");
            char[] again = pw == null || pw.length == 0 ? null : terminal.readPassword("Again: ");
            if (again != null && !Arrays.equals(pw, again)) {
                Arrays.fill(pw, '\0');
                Arrays.fill(again, '\0');
                err.println("olelo: subscriber: the two passwords differ; nothing changed");
                return null;
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        } else {
            pw = firstLine();
        }
        if (pw == null || pw.length == 0) {
            err.println("olelo: subscriber: --password: expected a password but found an empty one"
                    + (ASK.equals(given) ? " (give it as --password VALUE, type it, or pipe one line to standard input)" : ""));
            return null;
        }
        return pw;
    }

    private char[] firstLine() {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, charset)).readLine();
            if (line == null) {
                return null;
            }
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } catch (IOException e) {
            return null;
        }
    }
}
