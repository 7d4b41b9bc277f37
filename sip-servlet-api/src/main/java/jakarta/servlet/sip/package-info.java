/** The SIP Servlet API: messages, sessions, factories and the listeners a SIP application implements. */
package jakarta.servlet.sip;
