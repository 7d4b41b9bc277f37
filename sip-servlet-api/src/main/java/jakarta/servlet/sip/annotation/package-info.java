/**
 * Annotations that declare SIP applications, servlets and listeners without a deployment
 * descriptor, select the Java methods of SIP servlet POJOs that handle each message, and define
 * the CDI scopes tied to SIP processing.
 */
package jakarta.servlet.sip.annotation;
