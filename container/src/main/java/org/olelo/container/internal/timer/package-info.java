/** {@code TimerService} and {@code ServletTimer}: application timers delivered on their application session's executor. */
package org.olelo.container.internal.timer;
