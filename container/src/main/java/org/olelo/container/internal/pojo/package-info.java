/**
 * JSR 359 SIP servlet POJOs: classes annotated {@code @SipServlet} that are not servlets, whose
 * annotated methods ({@code @Invite}, {@code @SuccessResponse}, {@code @AnyMethod}, an application's
 * own annotations built on {@code @SipMethod}, {@code @SipResponseCode}, {@code @SipResponseRange}
 * and {@code @SipPredicate}) handle messages.
 * {@link org.olelo.container.internal.pojo.PojoHandlers} finds and checks those methods and picks
 * one per message; {@link org.olelo.container.internal.pojo.PojoServlet} wraps the POJO instance as
 * an ordinary {@code SipServlet}, so the rest of the container (servlet selection, invocation,
 * listeners, session handler names) treats both kinds alike.
 */
package org.olelo.container.internal.pojo;
