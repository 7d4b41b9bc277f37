package org.olelo.container.internal.deploy;

import jakarta.servlet.sip.SipServletRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingRuleTest {

    private final SipServletRequest invite = Fakes.request("INVITE",
                    Fakes.sipUri("sip", "alice", "pbx.Example.com", -1, Map.of("transport", "tcp")))
            .with("getFrom", Fakes.address("Bob Bot", Fakes.sipUri("sips", "bob", "example.org", 5071, Map.of())))
            .with("getTo", Fakes.address(null, Fakes.telUrl("15551234", true)))
            .build();

    @Test
    void variablesResolveAgainstTheRequest() {
        assertEquals("INVITE", RequestVariables.resolve(invite, "request.method"));
        assertEquals("sip:alice@pbx.Example.com", RequestVariables.resolve(invite, "request.uri"));
        assertEquals("sip", RequestVariables.resolve(invite, "request.uri.scheme"));
        assertEquals("alice", RequestVariables.resolve(invite, "request.uri.user"));
        assertEquals("pbx.Example.com", RequestVariables.resolve(invite, "request.uri.host"));
        assertEquals("5060", RequestVariables.resolve(invite, "request.uri.port"));
        assertEquals("tcp", RequestVariables.resolve(invite, "request.uri.param.transport"));
        assertNull(RequestVariables.resolve(invite, "request.uri.param.lr"));
        assertNull(RequestVariables.resolve(invite, "request.uri.tel"));
        assertEquals("Bob Bot", RequestVariables.resolve(invite, "request.from.display-name"));
        assertEquals("5071", RequestVariables.resolve(invite, "request.from.uri.port"));
        assertEquals("sips", RequestVariables.resolve(invite, "request.from.uri.scheme"));
        assertEquals("15551234", RequestVariables.resolve(invite, "request.to.uri.tel"));
        assertNull(RequestVariables.resolve(invite, "request.to.uri.host"));
        assertNull(RequestVariables.resolve(invite, "request.to.display-name"));
        assertEquals("tel", RequestVariables.resolve(invite, "request.to.uri.scheme"));
    }

    @Test
    void telOfASipUriWithUserPhone() {
        SipServletRequest r = Fakes.request("INVITE",
                Fakes.sipUri("sip", "+4930123;isub=1", "gw", 5060, Map.of("user", "phone"))).build();
        assertEquals("4930123", RequestVariables.resolve(r, "request.uri.tel"));
    }

    @Test
    void knownVariables() {
        assertTrue(RequestVariables.isKnown("request.method"));
        assertTrue(RequestVariables.isKnown("request.from.uri.param.tag"));
        assertTrue(RequestVariables.isKnown("request.to.display-name"));
        assertFalse(RequestVariables.isKnown("request.uri.param."));
        assertFalse(RequestVariables.isKnown("request.via"));
        assertFalse(RequestVariables.isKnown("request.uri.hostname"));
    }

    @Test
    void equalHonoursIgnoreCase() {
        assertFalse(new MappingRule.Equal("request.method", "invite", false).matches(invite));
        assertTrue(new MappingRule.Equal("request.method", "invite", true).matches(invite));
        assertTrue(new MappingRule.Equal("request.method", "INVITE", false).matches(invite));
        assertFalse(new MappingRule.Equal("request.uri.tel", "x", true).matches(invite));
    }

    @Test
    void containsExistsAndSubdomain() {
        assertTrue(new MappingRule.Contains("request.from.display-name", "bot", true).matches(invite));
        assertFalse(new MappingRule.Contains("request.from.display-name", "bot", false).matches(invite));
        assertTrue(new MappingRule.Exists("request.uri.user").matches(invite));
        assertFalse(new MappingRule.Exists("request.to.uri.user").matches(invite));
        assertTrue(new MappingRule.SubdomainOf("request.uri.host", "example.com").matches(invite));
        assertTrue(new MappingRule.SubdomainOf("request.uri.host", "pbx.example.COM").matches(invite));
        assertFalse(new MappingRule.SubdomainOf("request.uri.host", "ample.com").matches(invite));
        assertFalse(new MappingRule.SubdomainOf("request.to.uri.host", "example.com").matches(invite));
    }

    @Test
    void logicalOperators() {
        MappingRule yes = new MappingRule.Exists("request.method");
        MappingRule no = new MappingRule.Exists("request.to.uri.host");
        assertTrue(new MappingRule.And(List.of(yes, yes)).matches(invite));
        assertFalse(new MappingRule.And(List.of(yes, no)).matches(invite));
        assertTrue(new MappingRule.Or(List.of(no, yes)).matches(invite));
        assertFalse(new MappingRule.Or(List.of(no, no)).matches(invite));
        assertTrue(new MappingRule.Not(no).matches(invite));
        assertFalse(new MappingRule.Not(yes).matches(invite));
    }
}
