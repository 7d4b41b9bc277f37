/**
 * The container as a SIP user agent: requests that applications create and send (UAC), dialogs
 * that applications answer (UAS), back-to-back user agents, reliable provisional responses
 * (RFC 3262), dialog updates and session timers (RFC 4028), and the subscriptions a dialog carries
 * besides its call (RFC 6665, {@link org.olelo.container.internal.ua.SubscriptionDialogs}).
 *
 * <p>A session of a user agent plays one of the roles here: {@link org.olelo.container.internal.ua.UndecidedRole}
 * while its application has neither proxied nor answered the initial request it received,
 * {@link org.olelo.container.internal.ua.UaRole} with its {@link org.olelo.container.internal.ua.DialogState},
 * or {@link org.olelo.container.internal.ua.B2buaLeg}. The layers above are reached through interfaces
 * defined here ({@link org.olelo.container.internal.ua.ServletInvoker},
 * {@link org.olelo.container.internal.ua.ProxyStarter}) or below ({@code NextApplication}).
 *
 * <p>Everything here runs on the serial executor of the application session that owns the dialog,
 * except the client-transaction callbacks, which only hand responses over to that executor.
 */
package org.olelo.container.internal.ua;
