package org.olelo.apps.presence.pidf;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes the presence document a watcher gets from every publication of the presentity, with
 * deliberately simple rules (a subset of RFC 3863/4479 composition):
 * <ol>
 *   <li>the root is a new PIDF {@code presence} whose {@code entity} is the presentity's URI;</li>
 *   <li>a top-level element with an {@code id} attribute ({@code tuple}, RPID {@code person},
 *       {@code device}) is keyed by its namespace, name and id: when two publications have the same
 *       key, the most recent publication's element is kept, in the place of the first;</li>
 *   <li>a top-level element without {@code id} ({@code note}) is kept only from the most recent
 *       publication that has any;</li>
 *   <li>no publication: one tuple {@code offline} whose basic status is {@code closed}.</li>
 * </ol>
 * Called once per change of the presentity, never per watcher: the result is sent as it is to
 * every watcher. Stateless and thread-safe.
 */
public final class PidfComposer {

    private PidfComposer() {
    }

    /**
     * @param entity       the presentity's URI, e.g. {@code sip:alice@example.com}
     * @param publications the parsed publications, oldest first
     * @return the composed document, UTF-8 XML text
     */
    public static String compose(String entity, List<Pidf> publications) {
        if (publications.isEmpty()) {
            return closed(entity);
        }
        Document out = newDocument();
        Element root = out.createElementNS(Pidf.NS, "presence");
        root.setAttribute("entity", entity);
        out.appendChild(root);
        Map<String, Element> keyed = new LinkedHashMap<>();
        List<Element> notes = List.of();
        for (Pidf p : publications) {
            List<Element> unkeyed = new java.util.ArrayList<>();
            for (Element e : p.children()) {
                String id = e.getAttribute("id");
                if (id.isEmpty()) {
                    unkeyed.add(e);
                } else {
                    keyed.put(e.getNamespaceURI() + "|" + e.getLocalName() + "|" + id, e);
                }
            }
            if (!unkeyed.isEmpty()) {
                notes = unkeyed;
            }
        }
        for (Element e : keyed.values()) {
            root.appendChild(out.importNode(e, true));
        }
        for (Element e : notes) {
            root.appendChild(out.importNode(e, true));
        }
        out.setXmlStandalone(true);
        out.normalizeDocument();
        return write(out);
    }

    /** @return the document of a presentity that publishes nothing: one closed tuple */
    public static String closed(String entity) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"" + Pidf.NS + "\" entity=\""
                + Xml.escape(entity) + "\"><tuple id=\"offline\"><status><basic>closed</basic></status></tuple></presence>\n";
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
    }

    private static String write(Document doc) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write a composed presence document", e);
        }
    }
}
