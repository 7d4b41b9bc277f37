package org.olelo.apps.clicktodial;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calls the REST API can show, by id: the last {@value #MAX} started (by MESSAGE or by
 * {@code POST /calls}), ended ones included, so that {@code GET /calls/{id}} still answers after a
 * call ended and its application session is gone. Published as the ServletContext attribute
 * {@value #ATTRIBUTE}. Thread-safe (a lock held only for the map operation).
 */
final class Calls {

    /** The ServletContext attribute holding the application's calls. */
    static final String ATTRIBUTE = "org.olelo.apps.clicktodial.calls";
    /** How many calls are remembered; the oldest is forgotten first. */
    static final int MAX = 1000;

    private final Map<String, ThirdPartyCall> byId = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ThirdPartyCall> eldest) {
            return size() > MAX;
        }
    };

    synchronized void add(ThirdPartyCall call) {
        byId.put(call.id, call);
    }

    /** @return the call of that id, or null */
    synchronized ThirdPartyCall get(String id) {
        return byId.get(id);
    }
}
