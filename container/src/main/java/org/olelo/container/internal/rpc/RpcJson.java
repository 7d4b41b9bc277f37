package org.olelo.container.internal.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The one JSON mapper of the management interface: records and beans that handlers return get
 * snake_case keys, instants are written as ISO-8601 text, paths as text, duplicate keys in a
 * request are a parse error. Thread-safe once built.
 */
final class RpcJson {

    /** The shared mapper. */
    static final ObjectMapper MAPPER = build();

    private RpcJson() {
    }

    private static ObjectMapper build() {
        SimpleModule texts = new SimpleModule("olelo-texts");
        texts.addSerializer(Instant.class, ToStringSerializer.instance);
        texts.addSerializer(Duration.class, ToStringSerializer.instance);
        texts.addSerializer(Path.class, ToStringSerializer.instance);
        ObjectMapper m = new ObjectMapper();
        m.registerModule(texts);
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return m;
    }
}
