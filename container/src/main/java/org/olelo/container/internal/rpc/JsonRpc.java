package org.olelo.container.internal.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.olelo.api.rpc.RpcCommand;
import org.olelo.api.rpc.RpcException;
import org.olelo.api.rpc.RpcParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC 2.0 dispatcher: reads a request (one object, or a batch array), runs each call's
 * command from the {@link RpcRegistry} and writes the reply. Parameters come by name (an object)
 * or by position (an array, named after the command's parameter list); a request without
 * {@code id} is a notification and gets no reply, nor does a batch of notifications only.
 *
 * <p>Errors: -32700 the body is not JSON, -32600 not a request, -32601 no such method, -32602 bad
 * parameters (also those a command reports), a command's {@link RpcException} with its code and
 * message as they are, and -32603 {@code internal error} for anything else (the details are
 * logged at WARN, never replied).
 *
 * <p>Thread-safe; runs on the HTTP worker thread of the request, and runs each handler there with
 * its owner's class loader as the context class loader.
 */
public final class JsonRpc {

    /** JSON-RPC 2.0: the body is not JSON. */
    public static final int PARSE_ERROR = -32700;
    /** JSON-RPC 2.0: the JSON is not a request. */
    public static final int INVALID_REQUEST = -32600;
    /** JSON-RPC 2.0: no such method. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** JSON-RPC 2.0: an unexpected failure of the server. */
    public static final int INTERNAL_ERROR = -32603;
    /** The most calls one batch may hold. */
    static final int MAX_BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpc.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RpcRegistry registry;

    /** @param registry where the commands are found */
    public JsonRpc(RpcRegistry registry) {
        this.registry = registry;
    }

    /**
     * Handles one HTTP body.
     *
     * @param body the request as sent
     * @return the reply's JSON text, or null when nothing is to be replied (notifications only)
     */
    public String handle(byte[] body) {
        JsonNode request;
        try {
            request = RpcJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return write(error(NullNode.instance, PARSE_ERROR, "parse error: the body is not JSON"));
        }
        if (request == null || request.isMissingNode()) {
            return write(error(NullNode.instance, PARSE_ERROR, "parse error: the body is empty"));
        }
        if (!request.isArray()) {
            ObjectNode reply = call(request);
            return reply == null ? null : write(reply);
        }
        if (request.isEmpty()) {
            return write(error(NullNode.instance, INVALID_REQUEST, "invalid request: an empty batch"));
        }
        if (request.size() > MAX_BATCH) {
            return write(error(NullNode.instance, INVALID_REQUEST, "invalid request: a batch of more than "
                    + MAX_BATCH + " calls"));
        }
        ArrayNode replies = NODES.arrayNode();
        for (JsonNode one : request) {
            ObjectNode reply = call(one);
            if (reply != null) {
                replies.add(reply);
            }
        }
        return replies.isEmpty() ? null : write(replies);
    }

    /** One call: the reply object, or null for a notification. */
    private ObjectNode call(JsonNode req) {
        if (!req.isObject()) {
            return error(NullNode.instance, INVALID_REQUEST, "invalid request: expected an object");
        }
        JsonNode id = req.get("id");
        boolean notification = id == null;
        JsonNode replyId = id == null ? NullNode.instance : id;
        if (id != null && !id.isTextual() && !id.isNumber() && !id.isNull()) {
            return error(NullNode.instance, INVALID_REQUEST, "invalid request: id must be a string or a number");
        }
        JsonNode version = req.get("jsonrpc");
        JsonNode method = req.get("method");
        JsonNode params = req.get("params");
        if (version == null || !"2.0".equals(version.asText(null)) || !version.isTextual()) {
            return error(replyId, INVALID_REQUEST, "invalid request: jsonrpc must be \"2.0\"");
        }
        if (method == null || !method.isTextual()) {
            return error(replyId, INVALID_REQUEST, "invalid request: method must be a string");
        }
        if (params != null && !params.isObject() && !params.isArray()) {
            return error(replyId, INVALID_REQUEST, "invalid request: params must be an object or an array");
        }
        ObjectNode reply = run(replyId, method.asText(), params);
        return notification ? null : reply;
    }

    private ObjectNode run(JsonNode id, String method, JsonNode params) {
        RpcRegistry.Entry entry = registry.find(method);
        if (entry == null) {
            return error(id, METHOD_NOT_FOUND, "method not found: " + shorten(method));
        }
        RpcCommand command = entry.command();
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        try {
            RpcParams p = params(command, params);
            t.setContextClassLoader(entry.loader());
            Object result = command.handler().call(p);
            ObjectNode reply = NODES.objectNode();
            reply.put("jsonrpc", "2.0");
            reply.set("result", RpcJson.MAPPER.valueToTree(result));
            reply.set("id", id);
            return reply;
        } catch (RpcException e) {
            return error(id, e.code(), e.getMessage() == null ? "failed" : e.getMessage());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.warn("management command {} ({}) failed", method, entry.owner().equals(RpcRegistry.CONTAINER)
                    ? "container" : "application " + entry.owner(), e);
            return error(id, INTERNAL_ERROR, "internal error");
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** Names the parameters: by name (unknown names refused) or by position. */
    private static RpcParams params(RpcCommand command, JsonNode params) throws RpcException {
        if (params == null) {
            return new RpcParams(Map.of());
        }
        if (params.isArray()) {
            List<Object> values = new ArrayList<>();
            params.forEach(v -> values.add(plain(v)));
            return RpcParams.positional(command.params(), values);
        }
        Map<String, Object> named = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!command.params().contains(f.getKey())) {
                throw new RpcException(RpcException.INVALID_PARAMS, "unknown parameter '" + shorten(f.getKey())
                        + "'" + (command.params().isEmpty() ? ": " + command.name() + " takes none"
                        : " (expected: " + String.join(", ", command.params()) + ")"));
            }
            named.put(f.getKey(), plain(f.getValue()));
        }
        return new RpcParams(named);
    }

    private static Object plain(JsonNode v) {
        return v.isNull() ? null : RpcJson.MAPPER.convertValue(v, Object.class);
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode err = NODES.objectNode();
        err.put("code", code);
        err.put("message", message);
        ObjectNode reply = NODES.objectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("error", err);
        reply.set("id", id);
        return reply;
    }

    private static String write(JsonNode reply) {
        try {
            return RpcJson.MAPPER.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
