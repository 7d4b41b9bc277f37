package jakarta.servlet.sip;

import jakarta.servlet.http.HttpSession;

/**
 * The {@link HttpSession} of a converged (HTTP and SIP) application. It gives access to the
 * {@link SipApplicationSession} the HTTP session belongs to and encodes URLs so that later HTTP
 * requests find the same session.
 */
public interface ConvergedHttpSession extends HttpSession {

    /**
     * Returns the application session of this HTTP session, creating and associating one if
     * there is none yet.
     *
     * @return the parent application session
     */
    SipApplicationSession getApplicationSession();

    /**
     * Encodes the given URL with the identifier of this HTTP session, as
     * {@code HttpServletResponse.encodeURL} does, so that it can be used outside an HTTP request.
     *
     * @param url an absolute or relative URL
     * @return the encoded URL, or {@code url} unchanged if no encoding is needed
     */
    String encodeURL(String url);

    /**
     * Turns a path relative to the context root into an absolute URL on this container that
     * carries the identifier of this HTTP session.
     *
     * @param relativePath a path relative to the application's context root
     * @param scheme the scheme of the returned URL, {@code "http"} or {@code "https"}
     * @return the absolute, encoded URL
     * @throws IllegalArgumentException if {@code scheme} is not a supported scheme
     */
    String encodeURL(String relativePath, String scheme);
}
