/**
 * Olelo's RFC 3261 §17 transaction layer over JAIN-SIP's message model: server and client transactions
 * for INVITE and non-INVITE, their timers, and the matching rules. Olelo runs its own transactions (as
 * Kamailio's tm does) instead of JAIN-SIP's SipProvider/transaction stack, so that one code path serves
 * the socket transports and the in-memory connector, and so that threading is under our control: no
 * unbounded thread pool, no listener lock, no per-transaction threads.
 */
package org.olelo.core.transaction;
