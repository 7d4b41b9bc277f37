package jakarta.servlet.sip.annotation;

import jakarta.servlet.sip.SipServletResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a SIP servlet POJO that handles intermediate final responses received on a
 * proxy branch, before the proxy has picked the best response.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@SipPredicate(BranchResponse.Predicate.class)
public @interface BranchResponse {

    /** Accepts the responses the container reports as branch responses. */
    class Predicate implements jakarta.servlet.sip.Predicate<SipServletResponse> {

        /** Creates the predicate; the container instantiates it. */
        public Predicate() {
        }

        /**
         * Tests a response.
         *
         * @param response the response received
         * @return {@code true} when it is an intermediate response of a proxy branch
         */
        @Override
        public boolean apply(SipServletResponse response) {
            return response.isBranchResponse();
        }
    }
}
