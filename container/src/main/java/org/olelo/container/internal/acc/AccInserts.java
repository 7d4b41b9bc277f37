package org.olelo.container.internal.acc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a batch of records in one transaction: one batched insert per table. Runs on the
 * accounting writer thread only; blocks on the database.
 */
final class AccInserts {

    private static final String EVENT_COLUMNS = " (method, from_tag, to_tag, callid, sip_code, sip_reason, time,"
            + " src_user, src_domain, dst_user, dst_domain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String ACC = "INSERT INTO acc" + EVENT_COLUMNS;
    static final String MISSED = "INSERT INTO missed_calls" + EVENT_COLUMNS;
    static final String CDR = "INSERT INTO acc_cdrs (start_time, end_time, duration, callid, from_tag, to_tag,"
            + " src_user, dst_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private AccInserts() {
    }

    /** Inserts every record of {@code batch} and commits; on failure nothing of the batch stays. */
    static void write(Connection c, List<AccRecord> batch) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement acc = c.prepareStatement(ACC);
             PreparedStatement missed = c.prepareStatement(MISSED);
             PreparedStatement cdr = c.prepareStatement(CDR)) {
            int accRows = 0;
            int missedRows = 0;
            int cdrRows = 0;
            for (AccRecord r : batch) {
                switch (r) {
                    case AccRecord.Event e when e.missed() -> {
                        bind(missed, e);
                        missedRows++;
                    }
                    case AccRecord.Event e -> {
                        bind(acc, e);
                        accRows++;
                    }
                    case AccRecord.Cdr d -> {
                        bind(cdr, d);
                        cdrRows++;
                    }
                }
            }
            if (accRows > 0) {
                acc.executeBatch();
            }
            if (missedRows > 0) {
                missed.executeBatch();
            }
            if (cdrRows > 0) {
                cdr.executeBatch();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e;
        }
    }

    private static void bind(PreparedStatement p, AccRecord.Event e) throws SQLException {
        p.setString(1, e.method());
        text(p, 2, e.fromTag());
        text(p, 3, e.toTag());
        text(p, 4, e.callId());
        p.setString(5, Integer.toString(e.sipCode()));
        text(p, 6, e.sipReason());
        p.setObject(7, at(e.time()));
        p.setString(8, e.srcUser());
        p.setString(9, e.srcDomain());
        p.setString(10, e.dstUser());
        p.setString(11, e.dstDomain());
        p.addBatch();
    }

    private static void bind(PreparedStatement p, AccRecord.Cdr d) throws SQLException {
        p.setObject(1, at(d.start()));
        p.setObject(2, at(d.end()));
        p.setBigDecimal(3, d.duration());
        text(p, 4, d.callId());
        text(p, 5, d.fromTag());
        text(p, 6, d.toTag());
        p.setString(7, d.srcUser());
        p.setString(8, d.dstUser());
        p.addBatch();
    }

    /** The NOT NULL text columns hold '' for an absent value, as Kamailio's do. */
    private static void text(PreparedStatement p, int i, String s) throws SQLException {
        p.setString(i, s == null ? "" : s);
    }

    private static OffsetDateTime at(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: nothing was committed
        }
    }
}
