package org.olelo.container.internal.db;

import java.nio.file.Path;
import java.util.List;

/**
 * Child JVM for the durability test: opens the database of a data folder, adds one subscriber,
 * says {@code committed} and waits to be killed.
 */
public final class CommitThenWait {

    private CommitThenWait() {
    }

    /** @param args the data folder and the user name to add */
    public static void main(String[] args) throws Exception {
        DatabaseService db = DatabaseService.open(DatabaseSettings.defaults(), Path.of(args[0]));
        new SubscriberStore(db.defaultPool()).add(new Subscriber(0, args[1], "example.com", "0".repeat(32),
                "0".repeat(64), List.of(), null));
        System.out.println("committed");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
