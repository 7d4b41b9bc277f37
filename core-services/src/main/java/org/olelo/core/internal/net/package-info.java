/** IP addresses as text, both ways, without a name look-up. */
package org.olelo.core.internal.net;
