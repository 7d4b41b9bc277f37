package org.olelo.apps.presence.pidf;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed PIDF document (RFC 3863): its top-level elements, of which the {@code tuple}s carry the
 * basic status. Parsing is safe against hostile bodies: a DOCTYPE is refused outright (so no
 * external entity, no entity expansion), external DTDs and schemas are never fetched, and
 * {@link XMLConstants#FEATURE_SECURE_PROCESSING} bounds what remains.
 *
 * <p>Valid means: well-formed XML whose root is {@code presence} in the PIDF namespace with an
 * {@code entity} attribute, and whose {@code tuple} children each have an {@code id} and a
 * {@code status}, whose {@code basic}, when present, is {@code open} or {@code closed} (the
 * schema's only values). Other children (RPID {@code person}, {@code device}, {@code note}) are kept as
 * they are. Immutable after parsing; the DOM is not shared outside this package.
 */
public final class Pidf {

    /** The PIDF namespace. */
    public static final String NS = "urn:ietf:params:xml:ns:pidf";
    /** The media type of PIDF bodies. */
    public static final String CONTENT_TYPE = "application/pidf+xml";

    /** Made and configured once (a lookup per parse would cost more than small bodies); used under its lock. */
    private static final DocumentBuilderFactory FACTORY = factory();

    /** Errors end the parse; nothing is printed (a sender must not be able to write to the server's output). */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private final Document document;
    private final List<Element> children;

    private Pidf(Document document, List<Element> children) {
        this.document = document;
        this.children = children;
    }

    /**
     * @param body the published bytes (UTF-8 unless the XML declaration says otherwise)
     * @return the document
     * @throws InvalidPidfException when the body is not a PIDF document
     */
    public static Pidf parse(byte[] body) throws InvalidPidfException {
        Document doc;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            doc = builder.parse(new InputSource(new ByteArrayInputStream(body)));
        } catch (SAXException | IOException e) {
            throw new InvalidPidfException("body is not well-formed XML without DTD");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
        Element root = doc.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"presence".equals(root.getLocalName())) {
            throw new InvalidPidfException("root element is not PIDF presence");
        }
        if (root.getAttribute("entity").isBlank()) {
            throw new InvalidPidfException("presence has no entity");
        }
        List<Element> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (isTuple(e) && (e.getAttribute("id").isBlank() || child(e, NS, "status") == null)) {
                    throw new InvalidPidfException("tuple without id or status");
                }
                Element basic = isTuple(e) ? child(child(e, NS, "status"), NS, "basic") : null;
                String value = basic == null ? null : basic.getTextContent().trim();
                if (value != null && !value.equals("open") && !value.equals("closed")) {
                    throw new InvalidPidfException("basic status is neither open nor closed");
                }
                out.add(e);
            }
        }
        return new Pidf(doc, List.copyOf(out));
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            configure(f);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
        return f;
    }

    private static void configure(DocumentBuilderFactory f) throws ParserConfigurationException {
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
    }

    /** @return the top-level elements, in document order */
    List<Element> children() {
        return children;
    }

    /** @return the document the elements belong to */
    Document document() {
        return document;
    }

    /** @return {@code open} when a tuple says open, else {@code closed} when one says closed, else null */
    public String basic() {
        String found = null;
        for (Element e : children) {
            Element status = isTuple(e) ? child(e, NS, "status") : null;
            Element basic = status == null ? null : child(status, NS, "basic");
            String value = basic == null ? "" : basic.getTextContent().trim();
            if (value.equals("open")) {
                return "open";
            }
            if (value.equals("closed")) {
                found = "closed";
            }
        }
        return found;
    }

    static boolean isTuple(Element e) {
        return NS.equals(e.getNamespaceURI()) && "tuple".equals(e.getLocalName());
    }

    private static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
