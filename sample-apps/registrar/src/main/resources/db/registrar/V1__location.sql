-- The location service of the registrar application: one row per registered contact.
-- Column sizes follow the limits the registrar enforces before storing (a longer value is
-- answered 400 and never reaches this table). Times are epoch milliseconds.
CREATE TABLE location (
    aor         VARCHAR(256)  NOT NULL,
    contact     VARCHAR(512)  NOT NULL,
    expires_at  BIGINT        NOT NULL,
    q           DECIMAL(4, 3),
    call_id     VARCHAR(255)  NOT NULL,
    cseq        BIGINT        NOT NULL,
    path        VARCHAR(2048),
    received    VARCHAR(128),
    transport   VARCHAR(16),
    instance    VARCHAR(255),
    reg_id      INTEGER,
    user_agent  VARCHAR(255),
    updated     BIGINT        NOT NULL,
    PRIMARY KEY (aor, contact)
);

CREATE INDEX location_expires_at ON location (expires_at);
