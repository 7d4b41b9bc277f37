package org.olelo.container.internal.proxy;

import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContactList;
import gov.nist.javax.sip.message.SIPResponse;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.olelo.container.internal.address.Uris;

/**
 * Recursion on a redirect (RFC 3261 §16.5, §16.7 step 4): the Contacts of a 3xx a proxy branch
 * received become new targets, best q-value first, skipping what the target set already holds,
 * URIs the proxy cannot route (not {@code sip:} or {@code sips:}; not {@code sips:} when the request
 * was for a {@code sips:} URI) and anything beyond the room left
 * in the target set, which bounds what a redirecting peer can make the proxy send. The Contacts
 * taken are removed from the response, so that what is left of it can still be the best response.
 *
 * <p>Stateless; called on the application session's executor.
 */
final class Redirects {

    /** The most targets one proxy operation holds, its own and recursed ones together. */
    static final int MAX_TARGETS = 16;

    private Redirects() {
    }

    /** One Contact: its URI, its q-value (1.0 when absent) and its place in the response. */
    private record Candidate(URI uri, float q, int index, Contact header) {
    }

    /**
     * The new targets of a 3xx, best first; their Contacts are removed from {@code response}.
     *
     * @param tried  the targets of the proxy's target set so far
     * @param room   how many targets may still be added
     * @param secure true when the proxied request's Request-URI is a {@code sips:} URI: only
     *               {@code sips:} Contacts are followed then
     */
    static List<URI> take(SIPResponse response, Collection<URI> tried, int room, boolean secure) {
        org.olelo.core.message.lazy.Received.changed(response); // its Contacts are taken out
        ContactList contacts = response.getContactHeaders();
        if (contacts == null || contacts.isEmpty() || room <= 0) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        int index = 0;
        for (Object o : contacts) {
            Contact c = (Contact) o;
            index++;
            if (c.isWildCard() || c.getAddress() == null || c.getAddress().getURI() == null) {
                continue;
            }
            URI uri;
            try {
                uri = Uris.fromJain(c.getAddress().getURI());
            } catch (RuntimeException e) {
                continue; // a Contact we cannot read is left in the response
            }
            if (!uri.isSipURI() || (secure && !((SipURI) uri).isSecure()) || contains(tried, uri)
                    || candidates.stream().anyMatch(k -> k.uri().equals(uri))) {
                continue;
            }
            float q = c.getQValue();
            candidates.add(new Candidate(uri, q < 0 ? 1.0f : q, index, c));
        }
        candidates.sort(Comparator.comparingDouble((Candidate k) -> -k.q()).thenComparingInt(Candidate::index));
        List<URI> out = new ArrayList<>(Math.min(room, candidates.size()));
        for (Candidate k : candidates) {
            if (out.size() == room) {
                break;
            }
            out.add(k.uri());
            contacts.remove(k.header());
        }
        if (contacts.isEmpty()) {
            response.removeHeader(Contact.NAME);
        }
        return out;
    }

    /** True when the response has no Contact left (every one was recursed on). */
    static boolean exhausted(SIPResponse response) {
        ContactList contacts = response.getContactHeaders();
        return contacts == null || contacts.isEmpty();
    }

    private static boolean contains(Collection<URI> tried, URI uri) {
        for (URI t : tried) {
            if (t.equals(uri)) {
                return true;
            }
        }
        return false;
    }
}
