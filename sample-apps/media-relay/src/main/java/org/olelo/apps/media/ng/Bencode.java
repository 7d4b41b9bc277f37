package org.olelo.apps.media.ng;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencoding, the encoding of rtpengine's ng control protocol: byte strings ({@code 4:spam}),
 * integers ({@code i42e}), lists ({@code l...e}) and dictionaries ({@code d...e}, keys are byte
 * strings, written in sorted order).
 *
 * <p>In Java: strings are {@link String} (UTF-8; {@code byte[]} is accepted when encoding),
 * integers {@link Long} (any {@link Number} whole value when encoding), lists {@link List},
 * dictionaries {@link Map} with string keys (decoded in the order they came).
 *
 * <p>Decoding reads untrusted datagrams: every length is checked against the bytes left, nesting
 * is limited to {@value #MAX_DEPTH} levels, and any malformation is a {@link BencodeException},
 * never another exception. Stateless and thread-safe; the cost is linear in the input.
 */
public final class Bencode {

    /** The deepest nesting of lists and dictionaries decoded. */
    public static final int MAX_DEPTH = 32;

    private Bencode() {
    }

    /** @return the bencoding of {@code value} */
    public static byte[] encode(Object value) throws BencodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(out, value, 0);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value, int depth) throws BencodeException {
        if (depth > MAX_DEPTH) {
            throw new BencodeException("value nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (value) {
            case String s -> writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
            case byte[] b -> writeBytes(out, b);
            case Long n -> writeInt(out, n);
            case Integer n -> writeInt(out, n);
            case Short n -> writeInt(out, n);
            case Byte n -> writeInt(out, n);
            case Boolean b -> writeBytes(out, (b ? "yes" : "no").getBytes(StandardCharsets.US_ASCII));
            case List<?> list -> {
                out.write('l');
                for (Object o : list) {
                    write(out, o, depth + 1);
                }
                out.write('e');
            }
            case Map<?, ?> map -> {
                TreeMap<byte[], Object> sorted = new TreeMap<>(java.util.Arrays::compareUnsigned);
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String k)) {
                        throw new BencodeException("dictionary key is not a string: " + e.getKey());
                    }
                    if (e.getValue() != null) {
                        sorted.put(k.getBytes(StandardCharsets.UTF_8), e.getValue());
                    }
                }
                out.write('d');
                for (Map.Entry<byte[], Object> e : sorted.entrySet()) {
                    writeBytes(out, e.getKey());
                    write(out, e.getValue(), depth + 1);
                }
                out.write('e');
            }
            case null -> throw new BencodeException("null cannot be bencoded");
            default -> throw new BencodeException("cannot bencode a " + value.getClass().getSimpleName());
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] b) {
        out.writeBytes(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(b);
    }

    private static void writeInt(ByteArrayOutputStream out, long n) {
        out.write('i');
        out.writeBytes(Long.toString(n).getBytes(StandardCharsets.US_ASCII));
        out.write('e');
    }

    /** Decodes one value that fills {@code data} exactly. */
    public static Object decode(byte[] data) throws BencodeException {
        return decode(data, 0, data.length);
    }

    /** Decodes one value that fills {@code data[offset, offset + length)} exactly. */
    public static Object decode(byte[] data, int offset, int length) throws BencodeException {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new BencodeException("range outside the data");
        }
        Reader r = new Reader(data, offset, offset + length);
        Object value = r.value(0);
        if (r.pos != r.end) {
            throw new BencodeException("trailing bytes at offset " + (r.pos - offset));
        }
        return value;
    }

    /** A cursor over the input. */
    private static final class Reader {
        private final byte[] data;
        private final int start;
        private final int end;
        private int pos;

        Reader(byte[] data, int start, int end) {
            this.data = data;
            this.start = start;
            this.end = end;
            this.pos = start;
        }

        Object value(int depth) throws BencodeException {
            if (pos >= end) {
                throw error("value expected");
            }
            byte b = data[pos];
            if (b == 'i') {
                pos++;
                long n = number('e');
                return n;
            }
            if (b == 'l' || b == 'd') {
                if (depth >= MAX_DEPTH) {
                    throw error("nested deeper than " + MAX_DEPTH + " levels");
                }
                pos++;
                return b == 'l' ? list(depth) : dictionary(depth);
            }
            if (b >= '0' && b <= '9') {
                return string();
            }
            throw error("unexpected byte 0x" + Integer.toHexString(b & 0xff));
        }

        private List<Object> list(int depth) throws BencodeException {
            List<Object> out = new ArrayList<>();
            while (true) {
                if (pos >= end) {
                    throw error("list not closed");
                }
                if (data[pos] == 'e') {
                    pos++;
                    return out;
                }
                out.add(value(depth + 1));
            }
        }

        private Map<String, Object> dictionary(int depth) throws BencodeException {
            Map<String, Object> out = new LinkedHashMap<>();
            while (true) {
                if (pos >= end) {
                    throw error("dictionary not closed");
                }
                if (data[pos] == 'e') {
                    pos++;
                    return out;
                }
                if (data[pos] < '0' || data[pos] > '9') {
                    throw error("dictionary key is not a string");
                }
                String key = string();
                if (out.put(key, value(depth + 1)) != null) {
                    throw error("key '" + key + "' repeated");
                }
            }
        }

        private String string() throws BencodeException {
            long length = number(':');
            if (length > end - pos) {
                throw error("string of " + length + " bytes but only " + (end - pos) + " left");
            }
            String s = new String(data, pos, (int) length, StandardCharsets.UTF_8);
            pos += (int) length;
            return s;
        }

        /** Digits (with an optional minus sign) up to {@code terminator}, which is consumed. */
        private long number(char terminator) throws BencodeException {
            int begin = pos;
            boolean negative = pos < end && data[pos] == '-';
            if (negative) {
                pos++;
            }
            long n = 0;
            int digits = 0;
            while (pos < end && data[pos] >= '0' && data[pos] <= '9') {
                if (++digits > 18) {
                    throw error("number too long");
                }
                n = n * 10 + (data[pos++] - '0');
            }
            if (digits == 0 || pos >= end || data[pos] != terminator) {
                pos = begin;
                throw error("malformed number");
            }
            if (digits > 1 && data[begin + (negative ? 1 : 0)] == '0' || negative && n == 0) {
                pos = begin;
                throw error("number with a leading zero or minus zero");
            }
            if (negative && terminator == ':') {
                pos = begin;
                throw error("negative string length");
            }
            pos++;
            return negative ? -n : n;
        }

        private BencodeException error(String what) {
            return new BencodeException(what + " at offset " + (pos - start));
        }
    }
}
