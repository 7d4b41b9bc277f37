package org.olelo.apps.lcr.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The choice of gateways: Kamailio's lcr matching and ordering. */
class RouteTableTest {

    private static final String FROM = "sip:alice@example.com";
    private static final String RURI = "sip:4930123@127.0.0.1";
    private static final Gateway GW1 = gw(1);
    private static final Gateway GW2 = gw(2);
    private static final Gateway GW3 = gw(3);

    static Gateway gw(int id) {
        return new Gateway(id, "gw" + id, "192.0.2." + id, null, 5060, null, false, 1, 0, null, null, 0, 0);
    }

    static Rule rule(int id, String prefix, boolean stopper, Rule.Target... targets) {
        return new Rule(id, prefix, null, null, stopper, true, List.of(targets));
    }

    static Rule.Target t(Gateway g, int priority) {
        return new Rule.Target(g, priority, 1);
    }

    private static List<Integer> ids(RouteTable table, String number, String from) {
        return table.gateways(number, from, RURI, g -> true, new Random(1)).gateways().stream().map(Gateway::id).toList();
    }

    @Test
    void longerPrefixesComeFirstThenPriority() {
        RouteTable table = new RouteTable(List.of(GW1, GW2, GW3), List.of(
                rule(1, "4", false, t(GW3, 1)),
                rule(2, "49", false, t(GW2, 2), t(GW1, 1)),
                rule(3, "1", false, t(GW2, 1))));
        assertEquals(List.of(1, 2, 3), ids(table, "4930123", FROM));
        assertEquals(List.of(3), ids(table, "4130123", FROM));
        assertEquals(List.of(2), ids(table, "15551234", FROM));
    }

    @Test
    void noMatchingRuleIsUnmatched() {
        RouteTable table = new RouteTable(List.of(GW1), List.of(rule(1, "49", false, t(GW1, 1))));
        RouteTable.Choice c = table.gateways("3312345", FROM, RURI, g -> true, new Random(1));
        assertFalse(c.matched());
        assertTrue(c.gateways().isEmpty());
        assertTrue(table.gateways("4", FROM, RURI, g -> true, new Random(1)).gateways().isEmpty(), "shorter than the prefix");
    }

    @Test
    void emptyPrefixMatchesEveryNumberLast() {
        RouteTable table = new RouteTable(List.of(GW1, GW2), List.of(rule(1, "", false, t(GW2, 1)),
                rule(2, "49", false, t(GW1, 9))));
        assertEquals(List.of(1, 2), ids(table, "4930123", FROM));
        assertEquals(List.of(2), ids(table, "777", FROM));
    }

    @Test
    void aStopperEndsTheSearchAtItsPrefix() {
        RouteTable table = new RouteTable(List.of(GW1, GW2, GW3), List.of(
                rule(1, "4", false, t(GW3, 1)),
                rule(2, "49", true, t(GW1, 1)),
                rule(3, "4930", false, t(GW2, 1))));
        assertEquals(List.of(2, 1), ids(table, "4930123", FROM), "4930, then the stopper 49; never 4");
        assertEquals(List.of(1), ids(table, "4911", FROM));
    }

    @Test
    void aStopperThatDoesNotMatchItsRegexDoesNotStop() {
        Rule stopper = new Rule(2, "49", Pattern.compile("@carrier\\.example$"), null, true, true, List.of(t(GW1, 1)));
        RouteTable table = new RouteTable(List.of(GW1, GW3), List.of(rule(1, "4", false, t(GW3, 1)), stopper));
        assertEquals(List.of(3), ids(table, "4930123", FROM));
        assertEquals(List.of(1), ids(table, "4930123", "sip:bob@carrier.example"));
    }

    @Test
    void regularExpressionsOnFromAndRequestUriMustBothBeFound() {
        Rule fromBob = new Rule(1, "49", Pattern.compile("^sip:bob@"), null, false, true, List.of(t(GW1, 1)));
        Rule toLocal = new Rule(2, "49", null, Pattern.compile("@127\\.0\\.0\\.1"), false, true, List.of(t(GW2, 2)));
        Rule both = new Rule(3, "49", Pattern.compile("bob"), Pattern.compile("@10\\."), false, true, List.of(t(GW3, 3)));
        RouteTable table = new RouteTable(List.of(GW1, GW2, GW3), List.of(fromBob, toLocal, both));
        assertTrue(table.usesUris());
        assertFalse(new RouteTable(List.of(GW1), List.of(rule(1, "49", false, t(GW1, 1)))).usesUris(),
                "without regular expressions the URIs are not needed as text");
        assertEquals(List.of(2), ids(table, "4930123", FROM));
        assertEquals(List.of(1, 2), ids(table, "4930123", "sip:bob@example.com"));
        List<Integer> viaTen = table.gateways("4930123", "sip:bob@x", "sip:4930123@10.0.0.1", g -> true, new Random(1))
                .gateways().stream().map(Gateway::id).toList();
        assertEquals(List.of(1, 3), viaTen);
    }

    @Test
    void disabledRulesAreIgnored() {
        Rule off = new Rule(2, "49", null, null, true, false, List.of(t(GW1, 1)));
        RouteTable table = new RouteTable(List.of(GW1, GW3), List.of(rule(1, "4", false, t(GW3, 1)), off));
        assertEquals(List.of(3), ids(table, "4930123", FROM));
    }

    @Test
    void aGatewayNamedTwiceKeepsItsFirstPlaceAndUnusableOnesAreLeftOut() {
        RouteTable table = new RouteTable(List.of(GW1, GW2, GW3), List.of(
                rule(1, "4", false, t(GW1, 1), t(GW3, 2)),
                rule(2, "49", false, t(GW2, 1), t(GW1, 2))));
        assertEquals(List.of(2, 1, 3), ids(table, "4930123", FROM));
        RouteTable.Choice c = table.gateways("4930123", FROM, RURI, g -> g.id() != 2, new Random(1));
        assertEquals(List.of(1, 3), c.gateways().stream().map(Gateway::id).toList());
        RouteTable.Choice none = table.gateways("4930123", FROM, RURI, g -> false, new Random(1));
        assertTrue(none.matched() && none.gateways().isEmpty(), "matched, but no usable gateway");
    }

    /** Weights 1 and 3 at equal priority: the heavier one comes first about 3 times in 4. */
    @Test
    void weightsShareTheFirstPlaceInProportion() {
        Rule r = new Rule(1, "49", null, null, false, true,
                List.of(new Rule.Target(GW1, 1, 1), new Rule.Target(GW2, 1, 3), new Rule.Target(GW3, 2, 100)));
        RouteTable table = new RouteTable(List.of(GW1, GW2, GW3), List.of(r));
        Random random = new Random();
        int n = 20_000;
        int gw2First = 0;
        for (int i = 0; i < n; i++) {
            List<Gateway> order = table.gateways("4930123", FROM, RURI, g -> true, random).gateways();
            assertEquals(3, order.get(2).id(), "priority 2 always after priority 1, whatever its weight");
            if (order.get(0).id() == 2) {
                gw2First++;
            }
        }
        double share = gw2First / (double) n;
        assertTrue(share > 0.72 && share < 0.78, "weight 3 of 4 should come first ~75% of the time, was " + share);
    }

    @Test
    void weightZeroComesAfterTheOthersOfItsPriority() {
        Rule r = new Rule(1, "49", null, null, false, true,
                List.of(new Rule.Target(GW1, 1, 0), new Rule.Target(GW2, 1, 1)));
        RouteTable table = new RouteTable(List.of(GW1, GW2), List.of(r));
        Random random = new Random();
        for (int i = 0; i < 1000; i++) {
            assertEquals(2, table.gateways("4930123", FROM, RURI, g -> true, random).gateways().get(0).id());
        }
    }
}
