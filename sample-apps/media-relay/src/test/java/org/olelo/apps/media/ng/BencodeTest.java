package org.olelo.apps.media.ng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BencodeTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesDictionariesWithSortedKeysAndRoundTrips() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sdp", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n");
        m.put("command", "offer");
        m.put("flags", List.of("trust-address", "symmetric"));
        m.put("n", -42L);
        m.put("nested", Map.of("é", List.of(0L, "x")));
        byte[] encoded = Bencode.encode(m);
        String text = new String(encoded, StandardCharsets.UTF_8);
        assertEquals(true, text.startsWith("d7:command5:offer5:flagsl13:trust-address9:symmetrice1:ni-42e"), text);
        assertEquals(m, Bencode.decode(encoded));
    }

    @Test
    void decodesWhatRtpengineSends() throws Exception {
        assertEquals(Map.of("result", "pong"), Bencode.decode(ascii("d6:result4:ponge")));
        assertEquals(List.of(), Bencode.decode(ascii("le")));
        assertEquals("", Bencode.decode(ascii("0:")));
        assertEquals(0L, Bencode.decode(ascii("i0e")));
    }

    @Test
    void rejectsMalformedInputWithItsOwnExceptionOnly() {
        String[] bad = {"", "d", "l", "i", "ie", "i-e", "i-0e", "i01e", "i12", "5:abc", "-1:a", "99999999999999999999:a",
            "d3:keye", "di1e1:ae", "d1:a1:b1:a1:ce", "x", "4:spamx", "i1234567890123456789e", "1:a1:b",
            "d1:ai1e", "l".repeat(40) + "e".repeat(40), "2147483648:x", "03:abc"};
        for (String s : bad) {
            assertThrows(BencodeException.class, () -> Bencode.decode(ascii(s)), s);
        }
    }

    @Test
    void randomBytesNeverThrowAnythingElse() {
        Random random = new Random(7);
        byte[] alphabet = ascii("dlie0123456789:-abc");
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(24)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            try {
                Object v = Bencode.decode(b);
                boolean ascii = true;
                for (byte x : b) {
                    ascii &= x >= 0;
                }
                if (ascii && !(v instanceof Map<?, ?>)) { // UTF-8 text: invalid sequences are replaced
                    assertArrayEquals(b, Bencode.encode(v), "strings, numbers and lists re-encode to the same bytes");
                }
            } catch (BencodeException e) {
                // expected for most
            }
        }
    }

    @Test
    void refusesWhatItCannotEncode() {
        assertThrows(BencodeException.class, () -> Bencode.encode(1.5));
        assertThrows(BencodeException.class, () -> Bencode.encode(Map.of(1, "a")));
        List<Object> deep = new ArrayList<>();
        List<Object> at = deep;
        for (int i = 0; i < 40; i++) {
            List<Object> next = new ArrayList<>();
            at.add(next);
            at = next;
        }
        assertThrows(BencodeException.class, () -> Bencode.encode(deep));
    }

    @Test
    void decodesARangeOfABuffer() throws Exception {
        byte[] b = ascii("cookie d6:result2:oke");
        assertEquals(Map.of("result", "ok"), Bencode.decode(b, 7, b.length - 7));
        assertThrows(BencodeException.class, () -> Bencode.decode(b, 7, b.length));
    }
}
