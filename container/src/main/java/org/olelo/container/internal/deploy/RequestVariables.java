package org.olelo.container.internal.deploy;

import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipURI;
import jakarta.servlet.sip.TelURL;
import jakarta.servlet.sip.URI;

/**
 * The variables that servlet-mapping rules can test, resolved against a request:
 * <ul>
 * <li>{@code request.method}</li>
 * <li>{@code request.uri}, and the URI parts below</li>
 * <li>{@code request.from}, {@code request.to}: the whole address;
 *     {@code .display-name}; {@code .uri} and the URI parts below</li>
 * </ul>
 * URI parts: {@code .scheme}, {@code .user}, {@code .host}, {@code .port} (the
 * default 5060, or 5061 for sips, when the URI has none), {@code .tel} (the number
 * of a tel URL, or the user part of a SIP URI with {@code user=phone}, without a
 * leading {@code +}), {@code .param.NAME}. A part that does not apply (the host of
 * a tel URL, …) is absent (null). Stateless; any thread.
 */
public final class RequestVariables {

    private RequestVariables() {
    }

    /**
     * @param var a variable name
     * @return whether the name is one of the variables listed above
     */
    public static boolean isKnown(String var) {
        if (var.equals("request.method")) {
            return true;
        }
        for (String addr : new String[] {"request.from", "request.to"}) {
            if (var.equals(addr) || var.equals(addr + ".display-name")) {
                return true;
            }
            if (var.startsWith(addr + ".uri")) {
                return isUriPart(var.substring(addr.length() + 4));
            }
        }
        return var.startsWith("request.uri") && isUriPart(var.substring("request.uri".length()));
    }

    private static boolean isUriPart(String rest) {
        return switch (rest) {
            case "", ".scheme", ".user", ".host", ".port", ".tel" -> true;
            default -> rest.startsWith(".param.") && rest.length() > ".param.".length();
        };
    }

    /**
     * @param request the request
     * @param var     the variable
     * @return the variable's value, or null when absent or unknown
     */
    public static String resolve(SipServletRequest request, String var) {
        if (var.equals("request.method")) {
            return request.getMethod();
        }
        if (var.startsWith("request.uri")) {
            return uriPart(request.getRequestURI(), var.substring("request.uri".length()));
        }
        if (var.startsWith("request.from")) {
            return addressPart(request.getFrom(), var.substring("request.from".length()));
        }
        if (var.startsWith("request.to")) {
            return addressPart(request.getTo(), var.substring("request.to".length()));
        }
        return null;
    }

    private static String addressPart(Address address, String rest) {
        if (address == null) {
            return null;
        }
        if (rest.isEmpty()) {
            return address.toString();
        }
        if (rest.equals(".display-name")) {
            return address.getDisplayName();
        }
        if (rest.startsWith(".uri")) {
            return uriPart(address.getURI(), rest.substring(4));
        }
        return null;
    }

    private static String uriPart(URI uri, String rest) {
        if (uri == null) {
            return null;
        }
        if (rest.startsWith(".param.")) {
            return uri.getParameter(rest.substring(".param.".length()));
        }
        SipURI sip = uri instanceof SipURI s ? s : null;
        return switch (rest) {
            case "" -> uri.toString();
            case ".scheme" -> uri.getScheme();
            case ".user" -> sip == null ? null : sip.getUser();
            case ".host" -> sip == null ? null : sip.getHost();
            case ".port" -> sip == null ? null : String.valueOf(port(sip));
            case ".tel" -> tel(uri);
            default -> null;
        };
    }

    private static int port(SipURI sip) {
        if (sip.getPort() > 0) {
            return sip.getPort();
        }
        return sip.isSecure() ? 5061 : 5060;
    }

    private static String tel(URI uri) {
        String number = null;
        if (uri instanceof TelURL tel) {
            number = tel.getPhoneNumber();
        } else if (uri instanceof SipURI sip && "phone".equalsIgnoreCase(sip.getUserParam()) && sip.getUser() != null) {
            number = sip.getUser();
            int semi = number.indexOf(';');
            if (semi >= 0) {
                number = number.substring(0, semi);
            }
        }
        if (number != null && number.startsWith("+")) {
            number = number.substring(1);
        }
        return number;
    }
}
