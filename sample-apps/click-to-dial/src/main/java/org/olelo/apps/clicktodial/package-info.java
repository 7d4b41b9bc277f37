/**
 * Click-to-dial: on a SIP MESSAGE naming two parties, the application calls the first, then the
 * second with the first one's offer, and joins the two dialogs (third-party call control, RFC 3725
 * flow I). See {@link org.olelo.apps.clicktodial.ClickToDialServlet}.
 */
package org.olelo.apps.clicktodial;
