/**
 * Converged applications: the HTTP servlets, filters and listeners of an application, deployed with
 * Undertow's servlet engine under the application's context path on the HTTP listener, sharing the
 * application's servlet context attributes, init parameters and CDI container with its SIP side;
 * and the HTTP sessions that join application sessions ({@code ConvergedHttpSession}).
 *
 * <p>Deployments start and stop on the deployer thread; requests run on the HTTP listener's worker
 * threads.
 */
package org.olelo.container.internal.converged;
