/**
 * SIP requests and responses as applications see them, over JAIN-SIP messages: headers and body
 * ({@link org.olelo.container.internal.message.MessageText}), the message in the container
 * ({@link org.olelo.container.internal.message.SipServletMessageImpl}), requests and responses.
 *
 * <p>This package sits below the sessions, user agent and proxy: a message knows its session only
 * as a {@link org.olelo.container.internal.message.MessageSession}, and asks the role that session
 * plays ({@link org.olelo.container.internal.message.MessageRole}) for everything that depends on
 * whether it proxies or acts as a user agent. How application selection reached a request is one
 * immutable {@link org.olelo.container.internal.message.RequestRouting}.
 *
 * <p>Threads: application code uses messages on its application session's executor; the container
 * creates received requests on transport reader threads and hands them over.
 */
package org.olelo.container.internal.message;
