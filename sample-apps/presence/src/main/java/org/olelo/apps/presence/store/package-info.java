/**
 * The presence application's tables in the container's database ({@code presentity},
 * {@code active_watchers}, {@code watchers}) and their Flyway migrations.
 */
package org.olelo.apps.presence.store;
