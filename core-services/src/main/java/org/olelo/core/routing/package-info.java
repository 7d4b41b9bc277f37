/** Next-hop selection: hops, host resolution, and the addresses that name this server. */
package org.olelo.core.routing;
