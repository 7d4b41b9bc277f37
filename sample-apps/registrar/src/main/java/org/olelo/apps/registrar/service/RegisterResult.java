package org.olelo.apps.registrar.service;

import org.olelo.apps.registrar.spi.Binding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the {@link Registrar} decided for one REGISTER: the answer the servlet sends. */
public sealed interface RegisterResult {

    /** RFC 1123 date with a two-digit day, always GMT. */
    DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /**
     * 200 OK: the registration is stored.
     *
     * @param bindings every current binding of the AOR, best first (the Contacts of the 200)
     * @param path     the Path values to echo in the 200, empty when none or not supported by the UA
     * @param now      the time the request was processed, epoch milliseconds (for the remaining
     *                 expiry of each Contact)
     */
    record Accepted(List<Binding> bindings, List<String> path, long now) implements RegisterResult {
        /** Freezes the lists. */
        public Accepted {
            bindings = List.copyOf(bindings);
            path = List.copyOf(path);
        }

        /**
         * @return one Contact header value per binding, best first:
         *         {@code <URI>;expires=SECONDS} with the remaining expiry, then {@code q},
         *         {@code +sip.instance} and {@code reg-id} when the binding has them
         */
        public List<String> contactValues() {
            return contactValues(b -> "");
        }

        /**
         * @param more further Contact parameters of a binding, written after the others (e.g.
         *             {@code ;pub-gruu="..."}), "" for none
         * @return one Contact header value per binding, best first, as {@link #contactValues()}
         */
        public List<String> contactValues(java.util.function.Function<Binding, String> more) {
            String[] out = new String[bindings.size()];
            for (int i = 0; i < out.length; i++) {
                Binding b = bindings.get(i);
                out[i] = contactValue(b).append(more.apply(b)).toString();
            }
            return List.of(out);
        }

        /**
         * @param b    one of the bindings
         * @param more further Contact parameters, "" for none
         * @return its Contact header value, as {@link #contactValues()} writes it, then {@code more}
         */
        public String contactValue(Binding b, String more) {
            return contactValue(b).append(more).toString();
        }

        private StringBuilder contactValue(Binding b) {
            StringBuilder sb = new StringBuilder(b.contact().length() + 48).append('<').append(b.contact()).append(">;expires=")
                    .append(b.remainingSeconds(now));
            if (b.qText() != null) {
                sb.append(";q=").append(b.qText());
            }
            if (b.instance() != null) {
                sb.append(";+sip.instance=\"").append(b.instance().replace("\\", "\\\\").replace("\"", "\\\""))
                        .append('"');
            }
            if (b.regId() != Binding.NO_REG_ID) {
                sb.append(";reg-id=").append(b.regId());
            }
            return sb;
        }

        /** @return the Date header value for the answer (RFC 3261 §20.17), e.g. {@code Sat, 13 Nov 2010 23:29:00 GMT} */
        public String date() {
            return DateText.of(now);
        }
    }

    /** The Date text of the current second, formatted once per second; safe for any thread. */
    final class DateText {

        private record Second(long second, String text) {
        }

        private static volatile Second last = new Second(Long.MIN_VALUE, "");

        private DateText() {
        }

        /** @return the RFC 1123 date of {@code millis} (epoch milliseconds), e.g. {@code Sat, 13 Nov 2010 23:29:00 GMT} */
        static String of(long millis) {
            long second = Math.floorDiv(millis, 1000);
            Second s = last;
            if (s.second() != second) {
                s = new Second(second, DATE.format(Instant.ofEpochSecond(second)));
                last = s;
            }
            return s.text();
        }
    }

    /**
     * An error answer; nothing was stored.
     *
     * @param status  the SIP status code
     * @param reason  the reason phrase, naming the fault
     * @param headers extra headers (e.g. Min-Expires)
     * @param cause   the internal failure behind a 500, for the log, or null
     */
    record Rejected(int status, String reason, Map<String, String> headers, Throwable cause) implements RegisterResult {
        /** Freezes the headers. */
        public Rejected {
            headers = Map.copyOf(headers);
        }
    }
}
