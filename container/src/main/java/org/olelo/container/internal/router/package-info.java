/**
 * The application router: how the one in use is found
 * ({@link org.olelo.container.internal.router.RouterLoader}: a
 * {@code SipApplicationRouterProvider} named by the system property of that name, else one found
 * on the class path or in {@code deploy/lib/}, else the default), how it hears of deployments
 * ({@link org.olelo.container.internal.router.ApplicationRouterNotifier}), and Olelo's default
 * router with its routing file.
 *
 * <p>{@link org.olelo.container.internal.router.DefaultApplicationRouter} reads
 * {@code deploy/routing.properties}, written in the syntax of the JSR 289 Default
 * Application Router (DAR), extended with optional conditions:
 *
 * <pre>
 * # comment (also lines starting with !); blank lines are ignored
 * INVITE: ("lcr",   "DAR:From", "TERMINATING", "", "NO_ROUTE", "0", "ruri.user=~^\+?[0-9]{6,}$ &amp;&amp; transport=udp"), \
 *         ("proxy", "DAR:To",   "ORIGINATING", "", "NO_ROUTE", "1")
 * REGISTER: ("registrar", "DAR:To", "TERMINATING", "", "NO_ROUTE", "0", "source=10.0.0.0/8")
 * ALL: ("proxy", "DAR:From", "NEUTRAL", "", "NO_ROUTE", "0")
 * </pre>
 *
 * <h2>Lines</h2>
 * One line per SIP method: the method name (case-insensitive), {@code :} or
 * {@code =}, then a comma-separated list of tuples. A line ending with a single
 * {@code \} continues on the next one (leading blanks of the next line are
 * dropped). {@code ALL} is the fallback for methods without their own line; a
 * method line with no tuple at all means "no application" for that method. A
 * method may appear only once. Unlike Java properties, no other backslash escape
 * is processed outside quotes, so regular expressions are written as they are.
 *
 * <h2>Tuples</h2>
 * {@code ("app", "subscriber", "region", "route", "modifier", "state"[, "conditions"])},
 * every field in double quotes; inside quotes {@code \"} is a quote and
 * {@code \\} a backslash, any other backslash is kept.
 * <ol>
 * <li>application name (as deployed);</li>
 * <li>subscriber identity: {@code DAR:<Header>} takes the URI of that header
 *     ({@code DAR:From}, {@code DAR:To}, {@code DAR:P-Asserted-Identity}, …), or a
 *     literal URI, or empty;</li>
 * <li>routing region: {@code ORIGINATING}, {@code TERMINATING} or {@code NEUTRAL};</li>
 * <li>route: a {@code sip:}/{@code sips:} URI or empty (required for {@code ROUTE});</li>
 * <li>route modifier: {@code ROUTE}, {@code ROUTE_BACK} or {@code NO_ROUTE};</li>
 * <li>state info: kept for DAR compatibility; the order of the tuples in the line decides;</li>
 * <li>optional conditions, all of which must hold, joined by {@code &&}:
 *     {@code key op value} with keys {@code ruri.user}, {@code ruri.host},
 *     {@code ruri.scheme}, {@code ruri.local} ({@code true} when the Request-URI host is one
 *     of the server's local domains or addresses), {@code header.<Name>} (first value), {@code source}
 *     (remote IP) and {@code transport}; operators {@code =} and {@code !=}
 *     (case-insensitive; for {@code source} the value is an IP literal or a CIDR
 *     block such as {@code 127.0.0.0/8}), {@code =~} and {@code !~} (Java regular
 *     expression that must match the whole value). A missing value fails
 *     {@code =}/{@code =~} and satisfies {@code !=}/{@code !~}.</li>
 * </ol>
 *
 * <h2>Selection</h2>
 * For a new initial request the tuples of its method (else {@code ALL}) are
 * walked in order and the first whose application is deployed and whose
 * conditions hold is returned; its state info lets the next call for the same
 * request (after the application proxied it, or when it comes back over a route
 * back) continue after that tuple. A {@code ROUTE} tuple with a route is returned even though no application of that
 * name is deployed. When no tuple is left the router returns null (no
 * application). Targeted requests (encoded URI, Join, Replaces) get their target
 * application. A {@code ROUTE_BACK} tuple with a route is likewise returned without
 * an application: the container sends the request to the route with a route back
 * to itself, and when it returns the walk goes on after that tuple.
 *
 * <h2>Reload</h2>
 * {@code reloadIfChanged()} re-reads the file when its size, time or inode
 * changed. A fault is logged once as {@code file:line: what was expected}, kept
 * in {@code lastError()}, and the previous table stays in force until the file is
 * fixed.
 */
package org.olelo.container.internal.router;
