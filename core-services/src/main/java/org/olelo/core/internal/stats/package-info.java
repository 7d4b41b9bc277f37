/** The statistics reporters started with the core. */
package org.olelo.core.internal.stats;
