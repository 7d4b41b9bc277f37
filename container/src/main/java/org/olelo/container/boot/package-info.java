/**
 * Starting Olelo from the command line.
 *
 * <p>{@link org.olelo.container.boot.Main} parses the flags,
 * {@link org.olelo.container.boot.ConfigLoader} merges them with the environment
 * ({@code OLELO_*}), the configuration file ({@code deploy/olelo.properties}) and the defaults
 * into a typed {@link org.olelo.container.boot.ServerConfig}, and the server is started with it.
 * The keys the configuration understands are listed once, in
 * {@link org.olelo.container.boot.ConfigKey}. A configuration fault is a
 * {@link org.olelo.container.boot.ConfigException} naming where it was found (file and line,
 * environment variable or flag), the key and what was expected.
 */
package org.olelo.container.boot;
