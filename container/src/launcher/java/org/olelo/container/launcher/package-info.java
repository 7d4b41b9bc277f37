/**
 * The entry point of {@code olelo.jar}, compiled for Java 8 so that an older Java runtime runs it
 * far enough to say, on one line, which Java Olelo needs, instead of failing with a class-version
 * error. Nothing else may live here: this package is compiled apart from the container, for an old
 * release, and must not refer to any other class of the project.
 */
package org.olelo.container.launcher;
