package org.olelo.container.internal.message;

import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.Parameterable;
import jakarta.servlet.sip.ServletParseException;
import jakarta.servlet.sip.SipServletMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.header.ExpiresHeader;
import org.olelo.container.internal.address.AddressImpl;
import org.olelo.container.internal.address.ParameterableImpl;
import org.olelo.core.message.HeaderNameForm;
import org.olelo.core.message.lazy.Received;

/**
 * What a SIP message says, over the JAIN-SIP message that goes on the wire: its headers (compact
 * forms, the system headers the container owns, address and parameterable headers), its body and
 * its languages; and whether it may still change. {@link SipServletMessageImpl} adds what the
 * message is in the container (session and role, addressing, attributes, user).
 *
 * <p>Used by application code on its application session's executor; not safe for concurrent
 * modification by several threads, as the Servlet API specifies for messages.
 */
abstract class MessageText implements SipServletMessage {

    protected final SIPMessage message;
    protected volatile boolean committed;
    private HeaderForm headerForm = HeaderForm.DEFAULT;

    MessageText(SIPMessage message) {
        this.message = message;
    }

    /** The JAIN-SIP message behind this object. */
    public SIPMessage jain() {
        return message;
    }

    /** Marks the message as sent or otherwise final. */
    public void commit() {
        committed = true;
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    protected void checkModifiable() {
        if (committed) {
            throw new IllegalStateException("message is committed and can no longer be modified");
        }
        Received.changed(message); // every setter passes here: the message is encoded when sent
    }

    protected void checkNotSystem(String name) {
        if (HeaderNames.isSystem(name)) {
            throw new IllegalArgumentException(HeaderNames.canonical(name) + " is a system header: the container manages it");
        }
    }

    // ------------------------------------------------------------------ headers

    @Override
    public Address getFrom() {
        return parseAddress(((SIPHeader) message.getFrom()).getHeaderValue(), true);
    }

    @Override
    public Address getTo() {
        return parseAddress(((SIPHeader) message.getTo()).getHeaderValue(), true);
    }

    private static Address parseAddress(String value, boolean readOnly) {
        try {
            AddressImpl a = AddressImpl.parse(value);
            if (readOnly) {
                a.setReadOnly();
            }
            return a;
        } catch (ServletParseException e) {
            throw new IllegalStateException("unparsable address header: " + value, e);
        }
    }

    @Override
    public String getProtocol() {
        return "SIP/2.0";
    }

    @Override
    public String getHeader(String name) {
        ListIterator<SIPHeader> it = headers(name);
        return it != null && it.hasNext() ? value(it.next()) : null;
    }

    @SuppressWarnings("unchecked")
    private ListIterator<SIPHeader> headers(String name) {
        return (ListIterator<SIPHeader>) (ListIterator<?>) message.getHeaders(HeaderNames.canonical(name));
    }

    private static String value(SIPHeader h) {
        return h.getHeaderValue();
    }

    @Override
    public ListIterator<String> getHeaders(String name) {
        return getHeaderList(name).listIterator();
    }

    @Override
    public List<String> getHeaderList(String name) {
        List<String> out = new ArrayList<>(2);
        ListIterator<SIPHeader> it = headers(name);
        while (it != null && it.hasNext()) {
            out.add(value(it.next()));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public Iterator<String> getHeaderNames() {
        return getHeaderNameList().iterator();
    }

    @Override
    public List<String> getHeaderNameList() {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = message.getHeaderNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return List.copyOf(names);
    }

    @Override
    public void setHeader(String name, String value) {
        checkModifiable();
        checkNotSystem(name);
        if (value == null) {
            throw new NullPointerException("header value");
        }
        message.removeHeader(HeaderNames.canonical(name));
        attach(name, value, false);
    }

    @Override
    public void addHeader(String name, String value) {
        checkModifiable();
        checkNotSystem(name);
        attach(name, value, false);
    }

    /**
     * Attaches a header given as text, without the system-header check (container use); the value
     * is parsed where the container must understand it ({@link TextHeaders}).
     */
    protected void attach(String name, String value, boolean top) {
        try {
            SIPHeader h = TextHeaders.of(name, value);
            Received.changed(message);
            message.attachHeader(h, false, top);
        } catch (ParseException e) { // a second header of a kind that appears once
            throw new IllegalArgumentException("bad value for header " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void removeHeader(String name) {
        checkModifiable();
        checkNotSystem(name);
        message.removeHeader(HeaderNames.canonical(name));
    }

    @Override
    public Address getAddressHeader(String name) throws ServletParseException {
        String v = getHeader(name);
        return v == null ? null : AddressImpl.parse(v);
    }

    @Override
    public ListIterator<Address> getAddressHeaders(String name) throws ServletParseException {
        return getAddressHeaderList(name).listIterator();
    }

    @Override
    public List<Address> getAddressHeaderList(String name) throws ServletParseException {
        List<Address> out = new ArrayList<>(2);
        for (String v : getHeaderList(name)) {
            out.add(AddressImpl.parse(v));
        }
        return out;
    }

    @Override
    public void setAddressHeader(String name, Address addr) {
        setHeader(name, addr.toString());
    }

    @Override
    public void addAddressHeader(String name, Address addr, boolean first) {
        checkModifiable();
        checkNotSystem(name);
        // a plain Contact goes over from its parts; anything else is written and parsed
        SIPHeader h = addr instanceof AddressImpl a && HeaderNames.canonical(name).equalsIgnoreCase("Contact")
                ? org.olelo.container.internal.address.JainContacts.contactOrNull(a) : null;
        if (h == null) {
            attach(name, addr.toString(), first);
            return;
        }
        try {
            message.attachHeader(h, false, first);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad value for header " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Parameterable getParameterableHeader(String name) throws ServletParseException {
        String v = getHeader(name);
        return v == null ? null : ParameterableImpl.parse(v);
    }

    @Override
    public ListIterator<? extends Parameterable> getParameterableHeaders(String name) throws ServletParseException {
        return getParameterableHeaderList(name).listIterator();
    }

    @Override
    public List<? extends Parameterable> getParameterableHeaderList(String name) throws ServletParseException {
        List<Parameterable> out = new ArrayList<>(2);
        for (String v : getHeaderList(name)) {
            out.add(ParameterableImpl.parse(v));
        }
        return out;
    }

    @Override
    public void setParameterableHeader(String name, Parameterable param) {
        setHeader(name, param.toString());
    }

    @Override
    public void addParameterableHeader(String name, Parameterable param, boolean first) {
        checkModifiable();
        checkNotSystem(name);
        attach(name, param.toString(), first);
    }

    @Override
    public String getCallId() {
        return message.getCallId().getCallId();
    }

    @Override
    public int getExpires() {
        ExpiresHeader e = (ExpiresHeader) message.getHeader(ExpiresHeader.NAME);
        return e == null ? -1 : e.getExpires();
    }

    @Override
    public void setExpires(int seconds) {
        setHeader(ExpiresHeader.NAME, Integer.toString(seconds));
    }

    // ------------------------------------------------------------------ content

    @Override
    public String getCharacterEncoding() {
        ContentType ct = (ContentType) message.getContentTypeHeader();
        return ct == null ? null : ct.getCharset();
    }

    @Override
    public void setCharacterEncoding(String enc) throws UnsupportedEncodingException {
        checkModifiable();
        if (!Charset.isSupported(enc)) {
            throw new UnsupportedEncodingException(enc);
        }
        ContentType ct = (ContentType) message.getContentTypeHeader();
        if (ct != null) {
            try {
                ct.setParameter("charset", enc);
            } catch (ParseException e) {
                throw new UnsupportedEncodingException(enc);
            }
        }
    }

    @Override
    public int getContentLength() {
        byte[] b = message.getRawContent();
        return b == null ? 0 : b.length;
    }

    @Override
    public String getContentType() {
        ContentType ct = (ContentType) message.getContentTypeHeader();
        return ct == null ? null : ct.getHeaderValue();
    }

    @Override
    public byte[] getRawContent() {
        byte[] b = message.getRawContent();
        return b == null ? null : b.clone();
    }

    @Override
    public Object getContent() throws UnsupportedEncodingException {
        byte[] b = message.getRawContent();
        if (b == null) {
            return null;
        }
        ContentType ct = (ContentType) message.getContentTypeHeader();
        if (ct != null && isText(ct)) {
            String cs = ct.getCharset();
            try {
                return new String(b, cs == null ? StandardCharsets.UTF_8 : Charset.forName(cs));
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(cs);
            }
        }
        return b.clone();
    }

    private static boolean isText(ContentType ct) {
        String type = ct.getContentType() == null ? "" : ct.getContentType().toLowerCase(Locale.ROOT);
        String sub = ct.getContentSubType() == null ? "" : ct.getContentSubType().toLowerCase(Locale.ROOT);
        return type.equals("text") || sub.equals("sdp") || sub.endsWith("+xml") || sub.equals("xml") || sub.equals("json");
    }

    @Override
    public void setContent(Object content, String contentType) throws UnsupportedEncodingException {
        checkModifiable();
        if (content == null) {
            message.removeContent();
            message.removeHeader(javax.sip.header.ContentTypeHeader.NAME);
            return;
        }
        try {
            ContentType ct = contentType == null ? (ContentType) message.getContentTypeHeader()
                    : (ContentType) StringMsgParser.parseSIPHeader("Content-Type: " + contentType + "\r\n");
            byte[] bytes;
            if (content instanceof byte[] b) {
                bytes = b.clone();
            } else if (content instanceof String s) {
                String cs = ct == null ? null : ct.getCharset();
                bytes = s.getBytes(cs == null ? StandardCharsets.UTF_8 : Charset.forName(cs));
            } else {
                throw new IllegalArgumentException("content must be a String or byte[], not " + content.getClass().getName());
            }
            if (ct == null) {
                throw new IllegalStateException("content needs a content type");
            }
            message.setContent(bytes, ct);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad content type " + contentType, e);
        }
    }

    /**
     * Sets the Content-Length header of a message the application is still composing. The wire
     * always frames the body that is sent: when the message leaves, the container writes the length
     * of its body, so a value that disagrees with the body by then does not reach the network.
     *
     * @throws IllegalStateException    if the message was received or is committed
     * @throws IllegalArgumentException if {@code len} is negative
     */
    @Override
    public void setContentLength(int len) {
        if (wasReceived()) {
            throw new IllegalStateException("Content-Length of a received message cannot be set");
        }
        checkModifiable();
        if (len < 0) {
            throw new IllegalArgumentException("Content-Length must not be negative: " + len);
        }
        message.setContentLength(new gov.nist.javax.sip.header.ContentLength(len));
    }

    /** True for a message this server received, as opposed to one the application or the container made. */
    protected abstract boolean wasReceived();

    @Override
    public void setContentType(String type) {
        checkModifiable();
        message.removeHeader(javax.sip.header.ContentTypeHeader.NAME);
        if (type != null) {
            attach("Content-Type", type, false);
        }
    }

    // ------------------------------------------------------------------ languages

    @Override
    public Locale getAcceptLanguage() {
        Iterator<Locale> it = getAcceptLanguages();
        return it.hasNext() ? it.next() : null;
    }

    @Override
    public Iterator<Locale> getAcceptLanguages() {
        return getAcceptLanguageSet().iterator();
    }

    @Override
    public Set<Locale> getAcceptLanguageSet() {
        Set<Locale> out = new LinkedHashSet<>();
        for (String v : getHeaderList("Accept-Language")) {
            for (String part : v.split(",")) {
                String tag = part.split(";")[0].trim();
                if (!tag.isEmpty()) {
                    out.add(Locale.forLanguageTag(tag));
                }
            }
        }
        return out;
    }

    @Override
    public void setAcceptLanguage(Locale locale) {
        setHeader("Accept-Language", locale.toLanguageTag());
    }

    @Override
    public void addAcceptLanguage(Locale locale) {
        addHeader("Accept-Language", locale.toLanguageTag());
    }

    @Override
    public void setContentLanguage(Locale locale) {
        setHeader("Content-Language", locale.toLanguageTag());
    }

    @Override
    public Locale getContentLanguage() {
        String v = getHeader("Content-Language");
        return v == null ? null : Locale.forLanguageTag(v.trim());
    }

    /**
     * Chooses how the header names of this message are written each time it is encoded for the
     * wire (retransmissions and a proxy's copies of it included): compact or full names;
     * {@code DEFAULT} writes them as they stand.
     */
    @Override
    public void setHeaderForm(HeaderForm form) {
        checkModifiable();
        if (form == null) {
            throw new NullPointerException("header form");
        }
        this.headerForm = form;
        HeaderNameForm.set(message, switch (form) {
            case COMPACT -> HeaderNameForm.COMPACT;
            case LONG -> HeaderNameForm.LONG;
            case DEFAULT -> null;
        });
    }

    @Override
    public HeaderForm getHeaderForm() {
        return headerForm;
    }

    @Override
    public String toString() {
        return message.encode();
    }
}
