package org.olelo.container.internal.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed XML document, namespace-free (local names only),
 * with the line where it starts so that errors can point at it.
 *
 * <p>Immutable value; built and read on the deployer thread.
 *
 * @param name     the element's local name
 * @param line     the 1-based line of its start tag
 * @param attrs    its attributes by local name
 * @param text     its own text content, trimmed
 * @param children its child elements in document order
 */
record XmlNode(String name, int line, Map<String, String> attrs, String text, List<XmlNode> children) {

    /** @return the children with that local name, in document order */
    List<XmlNode> all(String child) {
        return children.stream().filter(c -> c.name.equals(child)).toList();
    }

    /** @return the first child with that local name */
    Optional<XmlNode> first(String child) {
        return children.stream().filter(c -> c.name.equals(child)).findFirst();
    }

    /** @return the trimmed text of the first child with that name, or null */
    String childText(String child) {
        return first(child).map(XmlNode::text).orElse(null);
    }
}
