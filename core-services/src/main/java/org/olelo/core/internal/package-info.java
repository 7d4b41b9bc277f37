/**
 * The core's implementation, in packages by concept: nothing here is an interface for other
 * modules, which use the types of {@code org.olelo.core} and its other packages, and extend the
 * core through {@code org.olelo.core.spi}. Classes here are public only where another package of
 * the core needs them.
 */
package org.olelo.core.internal;
