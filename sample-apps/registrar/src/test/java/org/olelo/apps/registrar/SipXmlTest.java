package org.olelo.apps.registrar;

import org.junit.jupiter.api.Test;
import org.olelo.apps.registrar.msilo.SiloConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped sip.xml: names, mappings and the documented defaults agree with the code. */
class SipXmlTest {

    private static Document sipXml() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/sip.xml").toFile());
    }

    private static List<String> texts(Document d, String tag) {
        NodeList nodes = d.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent().trim())
                .toList();
    }

    @Test
    void contextParamsShowTheDefaults() throws Exception {
        Document d = sipXml();
        Map<String, String> params = new HashMap<>();
        NodeList list = d.getElementsByTagName("context-param");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            params.put(e.getElementsByTagName("param-name").item(0).getTextContent().trim(),
                    e.getElementsByTagName("param-value").item(0).getTextContent().trim());
        }
        assertEquals(RegistrarConfig.defaults(), RegistrarConfig.from(params::get));
        assertEquals(SiloConfig.defaults(), SiloConfig.from(params::get));
        assertEquals("0", params.get(RegistrarListener.NAT_PING_SECONDS), "no NAT pings unless asked for");
        assertEquals("false", params.get(RegistrarListener.NAT_PING_REMOVE));
        assertEquals(20, params.size());
    }

    @Test
    void twoServletsChosenByMethodBehindDigestAuthentication() throws Exception {
        Document d = sipXml();
        assertEquals(List.of("registrar"), texts(d, "app-name"));
        assertEquals(List.of("register", "location", "msilo", "natping", "register", "location", "register"),
                texts(d, "servlet-name"), "msilo and natping only handle the answers to their requests: no mapping");
        assertEquals(List.of("request.method", "request.method"), texts(d, "var"));
        assertEquals(1, d.getElementsByTagName("not").getLength());
        assertEquals(List.of("REGISTER"), texts(d, "sip-method"));
        assertEquals(List.of("*"), texts(d, "role-name"));
        assertEquals(List.of("DIGEST"), texts(d, "auth-method"));
        assertEquals(0, d.getElementsByTagName("realm-name").getLength());
        assertEquals(List.of(RegistrarListener.class.getName()), texts(d, "listener-class"));
    }
}
