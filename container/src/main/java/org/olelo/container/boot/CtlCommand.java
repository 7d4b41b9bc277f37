package org.olelo.container.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.olelo.container.internal.http.ManagementSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code olelo ctl METHOD [PARAM...]}: calls a management command of the running server over
 * {@code POST /rpc} and prints its result as indented {@code key: value} lines ({@code --json}: the
 * JSON as it came, indented). The address and the token come from the same configuration as the
 * server's ({@code http.listen}, {@code management.token}: {@code --config}, {@code --deploy-dir},
 * {@code OLELO_*}, {@code --set}); a wildcard listening address is reached on the loopback
 * interface. Parameters are passed by position, as text. Without a method it lists the methods
 * with their parameters and help.
 *
 * <p>Exit codes: 0 done, 1 the command failed (its message is printed) or the server refused the
 * request, 2 the server cannot be reached (one line saying where it was tried) or a usage or
 * configuration error.
 */
@Command(name = "ctl", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Calls a management command of the running server (JSON-RPC at POST /rpc) and prints its"
                + " result. Without METHOD: the list of methods.")
final class CtlCommand implements Callable<Integer> {

    /** Exit code when the command failed. */
    static final int FAILED = 1;
    /** Exit code when the server cannot be reached. */
    static final int UNREACHABLE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    Main main;
    @Parameters(index = "0", arity = "0..1", paramLabel = "METHOD", description = "e.g. core.uptime, ul.dump")
    String method;
    @Parameters(index = "1..*", paramLabel = "PARAM", description = "the method's parameters, in order")
    List<String> params = new ArrayList<>();
    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter err = main.err();
        ManagementSettings m;
        try {
            m = main.loader().load().config().management();
        } catch (ConfigException e) {
            err.println("olelo: configuration error: " + e.getMessage());
            return Main.CONFIG_ERROR;
        }
        if (m.httpListen() == null || m.httpListen().getPort() == 0) {
            err.println("olelo: ctl: http.listen is " + (m.httpListen() == null ? "empty" : "port 0")
                    + " in this configuration: no address to reach the server at (set it as the server has it)");
            return Main.CONFIG_ERROR;
        }
        URI uri = URI.create("http://" + reachable(m.httpListen()) + "/rpc");
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0")
                .put("method", method == null ? "system.listMethods" : method).put("id", 1);
        ArrayNode p = request.putArray("params");
        params.forEach(p::add);
        HttpResponse<String> response;
        try {
            response = post(uri, request.toString(), m.token());
        } catch (IOException e) {
            err.println("olelo: ctl: cannot reach the server at " + uri + " (" + why(e) + ")");
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
        if (response.statusCode() != 200) {
            err.println("olelo: ctl: " + uri + " answered HTTP " + response.statusCode() + hint(response.statusCode()));
            return FAILED;
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(response.body());
        } catch (IOException e) {
            err.println("olelo: ctl: " + uri + " answered something that is not JSON-RPC");
            return FAILED;
        }
        if (reply.has("error")) {
            JsonNode e = reply.get("error");
            err.println("olelo: ctl: " + request.get("method").asText() + ": " + e.path("message").asText()
                    + " (code " + e.path("code").asText() + ")");
            return FAILED;
        }
        JsonNode result = reply.path("result");
        PrintWriter out = main.out();
        if (json) {
            out.println(result.toPrettyString());
        } else if (method == null) {
            CtlOutput.methods(result, out);
        } else {
            CtlOutput.print(result, out);
        }
        out.flush();
        return 0;
    }

    private static HttpResponse<String> post(URI uri, String body, String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The configured address, with a wildcard host replaced by the loopback address of its family. */
    static String reachable(InetSocketAddress a) {
        String host = a.getHostString();
        if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        } else if (host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            host = "::1";
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static String why(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.net.ConnectException || m == null || m.isBlank()) {
            return "connection refused: is the server running, with this http.listen?";
        }
        return m.lines().findFirst().orElse(m);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> ": wrong or missing token (management.token, as the server has it)";
            case 403 -> ": only clients on this machine are served unless management.token is set";
            case 404 -> ": no management endpoint there";
            default -> "";
        };
    }
}
