/**
 * The container tests' harness: {@link org.olelo.container.testkit.TestServer} starts a whole
 * Olelo (core, container, deployer, router) with test applications, a routing file and settings,
 * reachable in memory, over UDP or over TCP, and hands out peers of that transport;
 * {@link org.olelo.container.testkit.CommonApps} holds the applications several test classes share.
 * Raw SIP is written with {@link org.olelo.core.testkit.SipBuilder} and read with
 * {@link org.olelo.core.testkit.SipText}. Everything here runs on the test thread.
 */
package org.olelo.container.testkit;
