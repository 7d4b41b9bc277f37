-- Tables of the presence application, named after Kamailio's presence module where they fit.
-- Times are epoch milliseconds. Sizes follow the limits the application enforces before storing.

-- One row per publication (RFC 3903): a presentity may publish from several devices at once.
CREATE TABLE presentity (
    aor          VARCHAR(256)   NOT NULL,
    etag         VARCHAR(64)    NOT NULL,
    event        VARCHAR(64)    NOT NULL,
    expires_at   BIGINT         NOT NULL,
    received_at  BIGINT         NOT NULL,
    sender       VARCHAR(256),
    body         CLOB           NOT NULL,
    PRIMARY KEY (aor, etag)
);
CREATE INDEX presentity_expires_at ON presentity (expires_at);

-- One row per subscription (RFC 6665) in force: presence or presence.winfo.
CREATE TABLE active_watchers (
    id            VARCHAR(128)  NOT NULL,
    presentity    VARCHAR(256)  NOT NULL,
    watcher       VARCHAR(256)  NOT NULL,
    event         VARCHAR(64)   NOT NULL,
    call_id       VARCHAR(255)  NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    expires_at    BIGINT        NOT NULL,
    created_at    BIGINT        NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX active_watchers_presentity ON active_watchers (presentity);

-- The authorisation decisions: which watcher may see which presentity (pending, active, terminated).
CREATE TABLE watchers (
    presentity   VARCHAR(256)  NOT NULL,
    watcher      VARCHAR(256)  NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    updated_at   BIGINT        NOT NULL,
    PRIMARY KEY (presentity, watcher)
);
