package org.olelo.container.internal.rpc;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import org.olelo.container.internal.http.Replies;

/**
 * {@code POST /rpc}: hands the body to the {@link JsonRpc} dispatcher and replies with its JSON
 * ({@code 200}), or {@code 204} when the request held notifications only. Other methods get 405,
 * bodies over 1 MiB 413. Runs on an HTTP worker thread (the routes dispatch it there).
 */
public final class RpcHttpHandler implements HttpHandler {

    private final JsonRpc rpc;

    /** @param rpc the dispatcher */
    public RpcHttpHandler(JsonRpc rpc) {
        this.rpc = rpc;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            Replies.text(exchange, 405, "method not allowed: POST a JSON-RPC 2.0 request\n");
            return;
        }
        exchange.startBlocking();
        byte[] body = Replies.body(exchange, Replies.MAX_BODY_BYTES);
        if (body == null) {
            exchange.setPersistent(false); // the rest of the body is not read: the connection ends with the reply
            Replies.text(exchange, 413, "request body larger than " + Replies.MAX_BODY_BYTES + " bytes\n");
            return;
        }
        String reply = rpc.handle(body);
        if (reply == null) {
            exchange.setStatusCode(204);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(reply);
    }
}
