package org.olelo.container.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The {@code Main-Class} of {@code olelo.jar}: checks that the running Java is recent enough and
 * hands every argument to the real entry point, {@value #MAIN}, which it loads by name (so an old
 * runtime never loads a class it cannot read). On an older Java it prints one line naming the
 * version needed and the one running, and exits with 1. Exit codes, output and the
 * {@code subscriber} command are otherwise those of the real entry point.
 *
 * <p>Runs on the JVM's main thread before anything else; blocks on nothing.
 */
public final class Launcher {

    /** The oldest Java feature release Olelo runs on. */
    public static final int NEEDED = 21;
    /** The class whose {@code main} runs once the Java is known to be recent enough. */
    static final String MAIN = "org.olelo.container.boot.Main";

    private Launcher() {
    }

    /**
     * Checks the Java version, then runs {@value #MAIN}.
     *
     * @param args the command-line arguments, passed on unchanged
     * @throws Throwable whatever the real entry point throws, unwrapped
     */
    public static void main(String[] args) throws Throwable {
        int running = feature(System.getProperty("java.specification.version"));
        if (running > 0 && running < NEEDED) {
            System.err.println("olelo: needs Java " + NEEDED + " or newer but runs on Java "
                    + System.getProperty("java.version") + " (" + System.getProperty("java.home")
                    + "); run bin/olelo, which finds a newer one, or set JAVA_HOME to a JDK " + NEEDED + "+");
            System.exit(1);
        }
        Method main = Class.forName(MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * @param specification {@code java.specification.version}: {@code 1.8}, {@code 17}, {@code 25}...
     * @return the feature release it names (8, 17, 25), or 0 when it cannot be read (then the
     *         launcher does not stand in the way)
     */
    static int feature(String specification) {
        if (specification == null) {
            return 0;
        }
        String s = specification.startsWith("1.") ? specification.substring(2) : specification;
        int end = 0;
        while (end < s.length() && end < 6 && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
    }
}
