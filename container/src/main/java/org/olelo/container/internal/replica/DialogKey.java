package org.olelo.container.internal.replica;

/**
 * The key of a dialog in the cluster's index, the same from both ends: the Call-ID and the two
 * tags, the smaller one first, so that a request in the dialog finds it from its From and To tags
 * whichever side sent it.
 */
public final class DialogKey {

    private DialogKey() {
    }

    /**
     * @param callId the Call-ID
     * @param tagA   one tag (From or To)
     * @param tagB   the other
     * @return the key
     */
    public static String of(String callId, String tagA, String tagB) {
        String a = tagA == null ? "" : tagA;
        String b = tagB == null ? "" : tagB;
        return a.compareTo(b) <= 0 ? callId + '\n' + a + '\n' + b : callId + '\n' + b + '\n' + a;
    }
}
