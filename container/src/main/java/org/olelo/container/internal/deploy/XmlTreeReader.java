package org.olelo.container.internal.deploy;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an XML file into a tree of {@link XmlNode}s with the JDK's StAX parser.
 *
 * <p>DTDs and external entities are not processed (no XXE, no network access for
 * an old {@code DOCTYPE}); namespaces are dropped so that sip.xml files written
 * against the javaee, jakartaee, sipservlet or no namespace read the same.
 * Stateless; any thread.
 */
final class XmlTreeReader {

    private XmlTreeReader() {
    }

    /**
     * @param file the XML file
     * @return its root element
     * @throws DeploymentException when the file cannot be read or is not well-formed XML
     */
    static XmlNode read(Path file) throws DeploymentException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                return build(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNumber());
            throw new DeploymentException(file, line, "malformed XML: " + cleanMessage(e));
        } catch (IOException e) {
            throw new DeploymentException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static XmlNode build(XMLStreamReader r) throws XMLStreamException {
        Deque<Builder> stack = new ArrayDeque<>();
        XmlNode root = null;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Map<String, String> attrs = new LinkedHashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    stack.push(new Builder(r.getLocalName(), r.getLocation().getLineNumber(), attrs));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        stack.peek().text.append(r.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlNode done = stack.pop().build();
                    if (stack.isEmpty()) {
                        root = done;
                    } else {
                        stack.peek().children.add(done);
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "entity references are not allowed: &" + r.getLocalName() + ";", r.getLocation());
                default -> {
                    // comments, processing instructions and the DOCTYPE are ignored
                }
            }
        }
        if (root == null) {
            throw new XMLStreamException("no root element");
        }
        return root;
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + 9) : m).replace('\n', ' ').trim();
    }

    private static final class Builder {
        final String name;
        final int line;
        final Map<String, String> attrs;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(String name, int line, Map<String, String> attrs) {
            this.name = name;
            this.line = line;
            this.attrs = attrs;
        }

        XmlNode build() {
            return new XmlNode(name, line, Map.copyOf(attrs), text.toString().trim(), List.copyOf(children));
        }
    }
}
