package org.olelo.container.internal.rpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.container.internal.deploy.AppDeployer;
import org.olelo.container.internal.deploy.DeployProblem;
import org.olelo.container.internal.deploy.DeployedApp;
import org.olelo.container.internal.deploy.VersionWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code app.list}, {@code app.deploy} and {@code app.undeploy}. Deploying copies the archive into
 * the applications folder (under a hidden name first, then renamed, so the deployer never sees
 * half a file) and has the deployer scan at once; undeploying moves the application's archive or
 * folder out of the applications folder into {@code <data.dir>/undeployed/} (nothing is deleted)
 * and scans: the version drains as when its file is removed by hand. Runs on an HTTP worker thread
 * and waits for the deployment (the deployer's lock).
 */
public final class AppCommands {

    private static final Logger LOG = LoggerFactory.getLogger(AppCommands.class);

    private final AppDeployer deployer;
    private final VersionWork work;
    private final Path appsDir;
    private final Path undeployedDir;

    /**
     * @param deployer      the deployer
     * @param work          counts each version's application sessions
     * @param appsDir       the applications folder
     * @param undeployedDir where undeployed sources are moved
     */
    public AppCommands(AppDeployer deployer, VersionWork work, Path appsDir, Path undeployedDir) {
        this.deployer = deployer;
        this.work = work;
        this.appsDir = appsDir;
        this.undeployedDir = undeployedDir;
    }

    /** @return the three commands */
    public List<RpcCommand> commands() {
        return List.of(
                new RpcCommand("app.list", List.of(), "the deployed applications: active and draining versions",
                        p -> Map.of("applications", list())),
                new RpcCommand("app.deploy", List.of("path"), "deploys (or redeploys) the .sar/.war archive at a path"
                        + " of the server's file system", p -> deploy(Path.of(p.text("path")))),
                new RpcCommand("app.undeploy", List.of("name"), "undeploys an application: it takes no new sessions"
                        + " and drains; its source is moved to <data.dir>/undeployed/", p -> undeploy(p.text("name"))));
    }

    private List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<DeployedApp> active = new ArrayList<>(deployer.registry().all());
        active.sort(Comparator.comparing(DeployedApp::name));
        active.forEach(a -> out.add(describe(a, "active")));
        deployer.draining().forEach(a -> out.add(describe(a, "draining")));
        return out;
    }

    private Map<String, Object> describe(DeployedApp a, String state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("version", Integer.toString(a.deployment()));
        m.put("state", state);
        m.put("servlets", a.servlets().keySet().stream().sorted().toList());
        m.put("sessions", work.liveSessions(a));
        m.put("source", a.source().getFileName().toString());
        return m;
    }

    private Map<String, Object> deploy(Path archive) throws RpcException {
        String file = archive.getFileName() == null ? "" : archive.getFileName().toString();
        String lower = file.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".sar") || lower.endsWith(".war")) || file.startsWith(".")) {
            throw new RpcException(RpcException.INVALID_PARAMS, "parameter 'path' must name a .sar or .war archive");
        }
        if (!Files.isRegularFile(archive)) {
            throw new RpcException(RpcException.NOT_FOUND, "no archive at " + archive);
        }
        Path target = appsDir.resolve(file);
        Path hidden = appsDir.resolve("." + file + ".copying");
        try {
            Files.createDirectories(appsDir);
            if (!archive.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
                Files.copy(archive, hidden, StandardCopyOption.REPLACE_EXISTING);
                Files.move(hidden, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            LOG.warn("app.deploy: copying {} to {} failed: {}", archive, target, e.toString());
            throw new RpcException(RpcException.FAILED, "cannot copy the archive into the applications folder: "
                    + e.getMessage());
        }
        // a scan acts on a source that looked the same on two scans in a row
        deployer.scanNow();
        deployer.scanNow();
        DeployProblem problem = deployer.failures().get(target);
        if (problem != null) {
            throw new RpcException(RpcException.FAILED, "deployment failed: " + problem.reason());
        }
        DeployedApp app = deployer.registry().all().stream().filter(a -> a.source().equals(target)).findFirst()
                .orElseThrow(() -> new RpcException(RpcException.FAILED, "the archive was copied but is not deployed"
                        + " (see the server log)"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deployed", app.name());
        m.put("version", Integer.toString(app.deployment()));
        m.put("source", file);
        return m;
    }

    private Map<String, Object> undeploy(String name) throws RpcException {
        DeployedApp app = deployer.registry().get(name);
        if (app == null) {
            throw new RpcException(RpcException.NOT_FOUND, "no application " + name);
        }
        Path source = app.source();
        Path moved = undeployedDir.resolve(source.getFileName().toString());
        try {
            Files.createDirectories(undeployedDir);
            if (Files.isDirectory(moved)) {
                moved = undeployedDir.resolve(source.getFileName() + "-" + System.currentTimeMillis());
            }
            Files.move(source, moved, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.warn("app.undeploy: moving {} to {} failed: {}", source, moved, e.toString());
            throw new RpcException(RpcException.FAILED, "cannot move the application out of the applications folder: "
                    + e.getMessage());
        }
        deployer.scanNow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("undeployed", name);
        m.put("version", Integer.toString(app.deployment()));
        m.put("moved_to", moved.toString());
        return m;
    }
}
