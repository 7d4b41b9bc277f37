/**
 * Application composition (JSR 289 application selection): the application router is asked for
 * the next application each time an initial request enters the server or an application sends one
 * on, and a request that goes from one application to the next travels through the core's internal
 * transport, so that each application keeps its own transactions and sessions as if it ran on a
 * server of its own. See {@link org.olelo.container.internal.compose.Composer}.
 */
package org.olelo.container.internal.compose;
