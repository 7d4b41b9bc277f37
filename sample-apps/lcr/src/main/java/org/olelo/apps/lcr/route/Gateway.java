package org.olelo.apps.lcr.route;

/**
 * One row of {@code lcr_gw}: a carrier gateway and how a number is rewritten for it.
 *
 * @param id        the row's id
 * @param name      {@code gw_name}; the id as text when the row has none
 * @param ipAddr    {@code ip_addr}, or null
 * @param hostname  {@code hostname}, or null
 * @param port      {@code port}; 0 for none (the scheme's default)
 * @param params    {@code params}: URI parameters appended as they are (e.g. {@code ;user=phone}), or ""
 * @param secure    {@code uri_scheme} 2 (sips)
 * @param transport {@code transport} 1 udp, 2 tcp, 3 tls, 4 sctp; 0 for none
 * @param strip     {@code strip}: digits removed from the front of the number
 * @param prefix    {@code prefix}: added in front of what is left, or ""
 * @param tag       {@code tag}, or null (listed, not used for routing)
 * @param flags     {@code flags} (listed, not used for routing)
 * @param defunctUntil {@code defunct}: UNIX time in seconds until which the row takes the gateway out; 0 for none
 */
public record Gateway(int id, String name, String ipAddr, String hostname, int port, String params, boolean secure,
                      int transport, int strip, String prefix, String tag, int flags, long defunctUntil) {

    private static final String[] TRANSPORTS = {null, "udp", "tcp", "tls", "sctp"};

    /** Normalises absent text columns. */
    public Gateway {
        name = name == null || name.isBlank() ? Integer.toString(id) : name;
        params = params == null ? "" : params;
        prefix = prefix == null ? "" : prefix;
        strip = Math.max(0, strip);
    }

    /** @return the host of the gateway's URIs: {@code ip_addr}, else {@code hostname}; null when neither is set */
    public String host() {
        String h = ipAddr != null && !ipAddr.isBlank() ? ipAddr.strip() : hostname != null && !hostname.isBlank()
                ? hostname.strip() : null;
        return h != null && h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    /** @return the transport parameter's value ({@code udp}...), or null */
    public String transportName() {
        return transport > 0 && transport < TRANSPORTS.length ? TRANSPORTS[transport] : null;
    }

    /**
     * @param number the Request-URI user part
     * @return the user part for this gateway: {@code strip} digits removed, {@code prefix} added
     */
    public String rewrite(String number) {
        return prefix + number.substring(Math.min(strip, number.length()));
    }

    /**
     * @param number the Request-URI user part
     * @return the Request-URI for this gateway, e.g. {@code sip:004930123@192.0.2.1:5060;transport=udp}
     */
    public String uri(String number) {
        StringBuilder sb = new StringBuilder(64).append(secure ? "sips:" : "sip:").append(rewrite(number)).append('@')
                .append(host());
        if (port > 0) {
            sb.append(':').append(port);
        }
        sb.append(params);
        String t = transportName();
        if (t != null) {
            sb.append(";transport=").append(t);
        }
        return sb.toString();
    }
}
