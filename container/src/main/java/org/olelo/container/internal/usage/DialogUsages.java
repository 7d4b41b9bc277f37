package org.olelo.container.internal.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * The usages one dialog carries (RFC 5057): its INVITE usage, live from the 2xx to the INVITE until
 * a BYE ends it, and its subscriptions (RFC 6665 §4.5.2), each created by a SUBSCRIBE or REFER
 * (pending until a 2xx or a NOTIFY confirms it) and ended by a terminating or failed NOTIFY. The
 * dialog is over when none is left. At most {@link #MAX} subscriptions are held per dialog; more
 * are not tracked (the dialog may then end with its tracked ones).
 *
 * <p>Not thread-safe: owned by the role of one SIP session and used on its application session's
 * executor only.
 */
public final class DialogUsages {

    /** The most subscriptions one dialog holds. */
    public static final int MAX = 64;

    private boolean invite;
    /** Live subscriptions; a handful at most in practice, so a list is the cheapest set. */
    private final List<Subscription> subscriptions = new ArrayList<>(2);
    /** Parallel to {@link #subscriptions}: whether a 2xx or a NOTIFY confirmed each one. */
    private final List<Boolean> confirmed = new ArrayList<>(2);

    /** @param invite whether the dialog starts with a live INVITE usage */
    public DialogUsages(boolean invite) {
        this.invite = invite;
    }

    /** An INVITE usage starts (a 2xx to an INVITE). */
    public void inviteStarted() {
        invite = true;
    }

    /**
     * The INVITE usage ends (BYE).
     *
     * @return true when the dialog is over: no subscription lives on
     */
    public boolean inviteEnded() {
        invite = false;
        return over();
    }

    /** A subscription is asked for (SUBSCRIBE or REFER sent or received): pending unless known. */
    public void pending(Subscription s) {
        if (s != null && find(s) < 0 && subscriptions.size() < MAX) {
            subscriptions.add(s);
            confirmed.add(Boolean.FALSE);
        }
    }

    /** A 2xx to its SUBSCRIBE or REFER, or a NOTIFY, confirms a subscription (and creates it if needed). */
    public void confirmed(Subscription s) {
        if (s == null) {
            return;
        }
        int i = find(s);
        if (i >= 0) {
            confirmed.set(i, Boolean.TRUE);
        } else if (subscriptions.size() < MAX) {
            subscriptions.add(s);
            confirmed.add(Boolean.TRUE);
        }
    }

    /** True when a NOTIFY's subscription is one of this dialog's, pending or confirmed. */
    public boolean knows(Subscription notify) {
        return notify != null && find(notify) >= 0;
    }

    /**
     * A subscription ends (terminating or failed NOTIFY).
     *
     * @return true when the dialog is over: no usage is left
     */
    public boolean ended(Subscription s) {
        int i = s == null ? -1 : find(s);
        if (i >= 0) {
            subscriptions.remove(i);
            confirmed.remove(i);
        }
        return over();
    }

    /**
     * A SUBSCRIBE or REFER got an error: a subscription it would have created goes (unless a
     * NOTIFY confirmed it meanwhile), and a refresh answered 481 ends its subscription (RFC 6665
     * §4.1.2.2); other refresh failures leave the subscription until it expires.
     *
     * @return true when the dialog is over
     */
    public boolean refused(Subscription s, int status) {
        int i = s == null ? -1 : find(s);
        if (i >= 0 && (!confirmed.get(i) || status == 481)) {
            subscriptions.remove(i);
            confirmed.remove(i);
        }
        return over();
    }

    /** True when neither an INVITE usage nor a subscription is left. */
    public boolean over() {
        return !invite && subscriptions.isEmpty();
    }

    /** True while the INVITE usage lives. */
    public boolean invite() {
        return invite;
    }

    /** The live subscriptions, pending or confirmed (a copy). */
    public List<Subscription> live() {
        return List.copyOf(subscriptions);
    }

    private int find(Subscription s) {
        for (int i = 0; i < subscriptions.size(); i++) {
            if (subscriptions.get(i).matches(s)) {
                return i;
            }
        }
        return -1;
    }
}
