/**
 * Dialog usages (RFC 5057, RFC 6665 §4.5.2): the INVITE usage and the subscriptions that share one
 * dialog, so that the dialog, and the SIP session that holds it, ends only when its last usage
 * ends. {@link org.olelo.container.internal.usage.Subscription} names one subscription (event
 * package, {@code id} parameter, subscriber's tag); {@link org.olelo.container.internal.usage.DialogUsages}
 * is the set one dialog carries, used alike by the user-agent and the proxy roles.
 *
 * <p>Plain data, no threads of its own: a set is read and changed only on the executor of the
 * application session that owns the dialog.
 */
package org.olelo.container.internal.usage;
