package org.olelo.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The lifecycle of {@link OleloProcess}es for a test class: each gets a fresh folder under
 * {@code target/olelo-<test>-<n>/} (kept after the run for its logs, emptied when the test runs
 * again), and every process is stopped when its scope ends.
 *
 * <p>Two uses. {@link #started} starts one server with a deployment before the tests: registered
 * on a {@code static} field it serves the whole class, on an instance field each test gets its own.
 * {@link #onDemand} starts nothing; a test takes prepared processes from {@link #create} (it may
 * kill and restart them, add subscribers, set properties), and they are stopped after that test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OleloExtension OLELO = OleloExtension.started(ROUTING, "b2bua");
 * ... SippCall.run(sipp, OLELO.port(), ...)
 * }</pre>
 *
 * Not thread-safe: JUnit calls it from the test thread.
 */
final class OleloExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** What a test does to a prepared process before it starts (subscribers, application properties). */
    @FunctionalInterface
    interface Setup {
        void prepare(OleloProcess process) throws Exception;
    }

    private final boolean autoStart;
    private final String routing;
    private final List<String> apps;
    private Setup setup = p -> { };
    private String[] settings = {};
    private String name = "olelo";
    private int created;
    private boolean classScoped;
    private OleloProcess started;
    private final List<OleloProcess> perTest = new ArrayList<>();

    private OleloExtension(boolean autoStart, String routing, List<String> apps) {
        this.autoStart = autoStart;
        this.routing = routing;
        this.apps = apps;
    }

    /**
     * A server started before the tests.
     *
     * @param routing the routing descriptor's text; null for the project's default one
     * @param apps    the sample archives to deploy (without {@code .war}); none for the default
     *                deployment (registrar and proxy)
     */
    static OleloExtension started(String routing, String... apps) {
        return new OleloExtension(true, routing, apps.length == 0 ? List.of("registrar", "proxy") : List.of(apps));
    }

    /** No server of its own: tests take processes from {@link #create}. */
    static OleloExtension onDemand() {
        return new OleloExtension(false, null, List.of());
    }

    /** Runs before the started server starts. */
    OleloExtension setup(Setup s) {
        setup = s;
        return this;
    }

    /** The {@code --set key=value} settings the started server gets. */
    OleloExtension settings(String... keyValues) {
        settings = keyValues.clone();
        return this;
    }

    /** @return the started server */
    OleloProcess process() {
        if (started == null) {
            throw new IllegalStateException("no server started: use started(...), or create() with onDemand()");
        }
        return started;
    }

    /** @return the started server's SIP port (UDP and TCP) on 127.0.0.1 */
    int port() {
        return process().port();
    }

    /** A prepared, not yet started process with the default deployment, stopped after the test. */
    OleloProcess create() throws IOException {
        return create(null, "registrar", "proxy");
    }

    /**
     * A prepared, not yet started process, stopped after the test.
     *
     * @param routing the routing descriptor's text; null for the project's default one
     * @param apps    the sample archives to deploy (without {@code .war})
     */
    OleloProcess create(String routing, String... apps) throws IOException {
        OleloProcess p = new OleloProcess(freshRoot(), routing, List.of(apps));
        perTest.add(p);
        return p;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        classScoped = true;
        name = context.getRequiredTestClass().getSimpleName();
        if (autoStart) {
            started = start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        if (autoStart && started == null) {
            started = start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        perTest.forEach(OleloProcess::close);
        perTest.clear();
        if (!classScoped && started != null) {
            started.close();
            started = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (started != null) {
            started.close();
            started = null;
        }
    }

    private OleloProcess start() throws Exception {
        OleloProcess p = new OleloProcess(freshRoot(), routing, apps);
        try {
            setup.prepare(p);
            p.start(settings);
            return p;
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
    }

    private Path freshRoot() throws IOException {
        return Files.createDirectories(WorkFolders.fresh("olelo-" + name + "-" + (++created)));
    }
}
