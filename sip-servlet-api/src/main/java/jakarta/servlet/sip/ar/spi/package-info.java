/**
 * Service provider hook through which a container discovers and instantiates the application
 * router implementation it should use.
 */
package jakarta.servlet.sip.ar.spi;
