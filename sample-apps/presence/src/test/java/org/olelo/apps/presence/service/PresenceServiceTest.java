package org.olelo.apps.presence.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olelo.apps.presence.store.JdbcPresenceStore;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.olelo.apps.presence.service.ServiceFixture.ALICE;
import static org.olelo.apps.presence.service.ServiceFixture.NOW;
import static org.olelo.apps.presence.service.ServiceFixture.pidf;

/** The presence rules over a real database file, with dialogs that record their NOTIFYs. */
class PresenceServiceTest {

    @TempDir
    Path dir;

    @Test
    void denyLetsOnlyThePresentityWatchItself() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.DENY);
        f.rejected(403, () -> f.watch(f.subscribe("bob", "example.com", "presence", null), new RecordingChannel()));
        RecordingChannel self = new RecordingChannel();
        assertEquals(200, f.watch(f.subscribe("alice", "example.com", "presence", null), self).status());
        assertEquals("active;expires=3600", self.last().state());
    }

    @Test
    void allowMakesLocalWatchersActiveAndOthersPending() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.ALLOW);
        f.publish("alice", null, null, pidf("pc", "open"));
        RecordingChannel local = new RecordingChannel();
        RecordingChannel remote = new RecordingChannel();
        assertEquals(200, f.watch(f.subscribe("bob", "example.com", "presence", null), local).status());
        assertEquals(202, f.watch(f.subscribe("eve", "elsewhere.net", "presence", null), remote).status());
        assertTrue(local.last().body().contains("<basic>open</basic>"));
        assertEquals(new RecordingChannel.Sent("pending;expires=3600", null, null), remote.last());
    }

    @Test
    void confirmKeepsWatchersPendingUntilAllowedAndTheDecisionIsStored() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.CONFIRM);
        f.publish("alice", null, null, pidf("pc", "open"));
        RecordingChannel winfo = new RecordingChannel();
        f.watch(f.subscribe("alice", "example.com", PresenceService.WINFO, null), winfo);
        RecordingChannel bob = new RecordingChannel();
        assertEquals(202, f.watch(f.subscribe("bob", "example.com", "presence", null), bob).status());
        assertNull(bob.last().body());
        assertTrue(winfo.last().body().contains("status=\"pending\""), winfo.last().body());

        assertEquals(1, f.service.decide(ALICE, "sip:bob@example.com", Status.ACTIVE, NOW));
        assertTrue(bob.last().state().startsWith("active;"));
        assertTrue(bob.last().body().contains("<basic>open</basic>"), "the state, once allowed");
        assertTrue(winfo.last().body().contains("status=\"active\" event=\"approved\""), winfo.last().body());

        f.start(new JdbcPresenceStore(f.dataSource), Policy.CONFIRM);
        assertEquals(200, f.watch(f.subscribe("bob", "example.com", "presence", null), new RecordingChannel()).status(),
                "the decision survives a restart");

        RecordingChannel carol = new RecordingChannel();
        f.watch(f.subscribe("carol", "example.com", "presence", null), carol);
        assertEquals(1, f.service.decide(ALICE, "sip:carol@example.com", Status.TERMINATED, NOW));
        assertEquals("terminated;reason=rejected", carol.last().state());
        assertNull(carol.last().body(), "a refused watcher learns nothing");
        f.rejected(403, () -> f.watch(f.subscribe("carol", "example.com", "presence", null), new RecordingChannel()));
    }

    @Test
    void publicationsAndSubscriptionsAreLoadedAfterARestart() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.ALLOW);
        String etag = f.publish("alice", null, "600", pidf("pc", "open")).etag();
        f.watch(f.subscribe("bob", "example.com", "presence", "600"), new RecordingChannel());
        assertEquals(2, f.start(new JdbcPresenceStore(f.dataSource), Policy.ALLOW));
        assertEquals("open", f.service.presentities(NOW).get(0).basic());
        assertEquals(List.of("sip:bob@example.com"), f.service.subscriptions().stream().map(Subscription::watcher).toList());
        assertEquals(200, f.publish("alice", etag, null, pidf("pc", "closed")).status(),
                "the tag is known after the restart; the restored subscription has no dialog and is passed over");
        assertEquals(List.of(), f.errors);
    }

    @Test
    void aStoreFailureIs500AndChangesNothing() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.ALLOW);
        String etag = f.publish("alice", null, null, pidf("pc", "open")).etag();
        RecordingChannel bob = new RecordingChannel();
        f.watch(f.subscribe("bob", "example.com", "presence", null), bob);
        f.start(new FailingStore(f.store), Policy.ALLOW);
        f.rejected(500, () -> f.publish("alice", etag, null, pidf("pc", "closed")));
        f.rejected(500, () -> f.watch(f.subscribe("carol", "example.com", "presence", null), new RecordingChannel()));
        assertEquals("open", f.service.presentities(NOW).get(0).basic());
        assertEquals(1, f.service.subscriptionCount());
        assertEquals(2, f.errors.size(), f.errors::toString);
    }

    @Test
    void beyondTheLimitANewPublicationReplacesTheOldestAndAnUnreachableWatcherIsDropped() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.ALLOW);
        String first = f.publish("alice", null, null, pidf("t1", "open")).etag();
        f.publish("alice", null, null, pidf("t2", "open"));
        f.publish("alice", null, null, pidf("t3", "open"));
        f.publish("alice", null, null, pidf("t4", "closed"));
        f.rejected(412, () -> f.publish("alice", first, null, null));
        assertEquals(3, f.service.presentities(NOW).get(0).publications().size());

        RecordingChannel bob = new RecordingChannel();
        f.watch(f.subscribe("bob", "example.com", "presence", null), bob);
        bob.broken = true;
        f.publish("alice", null, null, pidf("t5", "closed"));
        assertEquals(0, f.service.subscriptionCount(), "a dialog that cannot carry a NOTIFY ends the subscription");
    }

    @Test
    void expiredPublicationsAndSubscriptionsEndAtTheSweep() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.ALLOW);
        f.publish("alice", null, "60", pidf("pc", "open"));
        RecordingChannel bob = new RecordingChannel();
        f.watch(f.subscribe("bob", "example.com", "presence", "120"), bob);
        f.service.expire(NOW + 61_000);
        assertTrue(bob.last().body().contains("<basic>closed</basic>") && bob.last().body().contains("id=\"offline\""),
                bob.last().body());
        f.service.expire(NOW + 121_000);
        assertEquals("terminated;reason=timeout", bob.last().state());
        assertEquals(0, f.service.subscriptionCount());
        assertEquals(0, f.start(new JdbcPresenceStore(f.dataSource), Policy.ALLOW), "removed from the tables too");
        assertEquals(3, f.stats.notifies());
    }

    @Test
    void watchersAreToldOfAPublicationOnlyAfterThePublisherIsAnswered() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.ALLOW);
        RecordingChannel bob = new RecordingChannel();
        f.watch(f.subscribe("bob", "example.com", "presence", null), bob);
        f.service.publish(new PublishRequest(ALICE, "alice", "alice", "presence", null, null, "application/pidf+xml",
                pidf("pc", "open").getBytes(java.nio.charset.StandardCharsets.UTF_8), "192.0.2.1:5060"), NOW);
        assertEquals(1, bob.count(), "nothing yet: the PUBLISH is not answered");
        f.service.afterPublish(ALICE, NOW);
        assertTrue(bob.last().body().contains("<basic>open</basic>"));
        f.service.afterPublish(ALICE, NOW);
        assertEquals(2, bob.count(), "a change is sent once");
    }

    @Test
    void aSubscriberThatAcceptsNeitherPidfNorAWildcardGets406() throws Exception {
        ServiceFixture f = new ServiceFixture(dir, Policy.ALLOW);
        SubscribeRequest plain = f.subscribe("bob", "example.com", "presence", null);
        SubscribeRequest text = new SubscribeRequest(plain.id(), plain.presentity(), plain.presentityUser(),
                plain.watcher(), plain.watcherHost(), plain.authenticatedUser(), plain.event(), null, plain.callId(),
                List.of("text/plain"));
        Rejection no = org.junit.jupiter.api.Assertions.assertThrows(Rejection.class,
                () -> f.service.subscribe(text, new RecordingChannel(), NOW));
        assertEquals(406, no.status());
        assertEquals(java.util.Map.of("Accept", "application/pidf+xml"), no.headers());
        for (List<String> ok : List.of(List.of("application/pidf+xml"), List.of("text/plain", "application/*"),
                List.of("*/*"))) {
            SubscribeRequest r = new SubscribeRequest("a" + ok.hashCode(), plain.presentity(), plain.presentityUser(),
                    plain.watcher(), plain.watcherHost(), plain.authenticatedUser(), plain.event(), null, plain.callId(),
                    ok);
            assertEquals(200, f.service.subscribe(r, new RecordingChannel(), NOW).status(), ok::toString);
        }
    }
}
