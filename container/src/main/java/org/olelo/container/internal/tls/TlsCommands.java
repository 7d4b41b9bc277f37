package org.olelo.container.internal.tls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tls.reload}: every listening point with credentials (TLS, secure WebSockets) reads its
 * certificate, key and trusted CAs again from the configured files; new handshakes use them,
 * connections already open keep theirs. Runs on the management thread that serves the call and
 * blocks on reading the files.
 */
public final class TlsCommands {

    private static final Logger LOG = LoggerFactory.getLogger(TlsCommands.class);

    private TlsCommands() {
    }

    /** @param transports the started listening points, asked at each call */
    public static List<RpcCommand> commands(Supplier<List<Transport>> transports) {
        return List.of(new RpcCommand("tls.reload", List.of(), "reads the TLS certificate, key and trusted CAs again"
                + " from their files: new connections use them, open ones keep theirs", p -> reload(transports.get())));
    }

    private static Object reload(List<Transport> transports) throws RpcException {
        List<String> reloaded = new ArrayList<>();
        for (Transport t : transports) {
            try {
                if (t.reloadCredentials()) {
                    reloaded.add(t.toString());
                }
            } catch (IOException e) {
                LOG.warn("tls.reload: {} keeps its certificate: {}", t, e.getMessage());
                throw new RpcException(RpcException.FAILED, t + " keeps its certificate: " + e.getMessage()
                        + (reloaded.isEmpty() ? "" : "; reloaded before it: " + String.join(", ", reloaded)));
            }
        }
        if (reloaded.isEmpty()) {
            throw new RpcException(RpcException.NOT_FOUND, "no TLS listening point");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reloaded", reloaded);
        return m;
    }
}
