package jakarta.servlet.sip.ar.spi;

import jakarta.servlet.sip.ar.SipApplicationRouter;

/**
 * Entry point an application router implementation registers (typically through
 * {@link java.util.ServiceLoader}) so that the container can obtain its router without knowing
 * the implementation class.
 */
public abstract class SipApplicationRouterProvider {

    /** Creates a provider; subclasses are instantiated reflectively by the container. */
    public SipApplicationRouterProvider() {
    }

    /**
     * Hands out the router this provider stands for.
     *
     * @return the application router instance
     */
    public abstract SipApplicationRouter getSipApplicationRouter();
}
