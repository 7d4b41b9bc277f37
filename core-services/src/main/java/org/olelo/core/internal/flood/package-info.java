/** Flood detection per source address (requests per second), bounded whatever the sources. */
package org.olelo.core.internal.flood;
