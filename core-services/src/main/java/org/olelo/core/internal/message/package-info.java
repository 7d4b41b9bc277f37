/** Answers built from the raw bytes of a request that could not be parsed. */
package org.olelo.core.internal.message;
