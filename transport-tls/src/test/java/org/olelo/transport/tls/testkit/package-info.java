/**
 * The TLS test kit other modules' tests use: a throw-away CA made with {@code keytool} at test
 * time, TLS peers on the core test kit's stream peers, and a probe that offers old TLS versions
 * from a JVM of its own.
 */
package org.olelo.transport.tls.testkit;
