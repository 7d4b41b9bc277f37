package org.olelo.apps.registrar.service;

import java.util.Objects;

/**
 * One Contact of a REGISTER as the servlet read it: the URI and the raw text of the parameters the
 * registrar uses. The raw text is checked by the {@link Registrar}, which answers 400 naming the
 * contact when it is malformed. Immutable value; any thread.
 *
 * @param uri      the contact URI, without the header parameters
 * @param expires  the {@code expires} parameter, or null
 * @param q        the {@code q} parameter, or null
 * @param instance the {@code +sip.instance} parameter, quoted or not, or null
 * @param regId    the {@code reg-id} parameter, or null
 */
public record ContactSpec(String uri, String expires, String q, String instance, String regId) {

    /** Requires the URI. */
    public ContactSpec {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * @param uri the contact URI
     * @return a contact without parameters
     */
    public static ContactSpec of(String uri) {
        return new ContactSpec(uri, null, null, null, null);
    }

    /**
     * @param seconds the expires parameter text
     * @return this contact with that expires parameter
     */
    public ContactSpec withExpires(String seconds) {
        return new ContactSpec(uri, seconds, q, instance, regId);
    }

    /**
     * @param value the q parameter text
     * @return this contact with that q parameter
     */
    public ContactSpec withQ(String value) {
        return new ContactSpec(uri, expires, value, instance, regId);
    }

    /**
     * @param inst the +sip.instance text
     * @param reg  the reg-id text, or null
     * @return this contact with those outbound parameters
     */
    public ContactSpec withInstance(String inst, String reg) {
        return new ContactSpec(uri, expires, q, inst, reg);
    }
}
