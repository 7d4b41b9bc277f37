/**
 * The application router contract: the pluggable component that the container consults to
 * decide which deployed application handles an initial request next, and the value types that
 * travel between the container and the router.
 */
package jakarta.servlet.sip.ar;
