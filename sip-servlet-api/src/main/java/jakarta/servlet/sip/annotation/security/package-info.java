/**
 * Annotations that declare the security requirements of SIP servlets: which roles may invoke
 * them, per SIP method, whether a secure transport is required, whether proxy authentication is
 * used, and how users log in or assert their identity.
 */
package jakarta.servlet.sip.annotation.security;
