-- Least-cost routing: Kamailio's lcr tables, with its names and columns, so existing provisioning
-- (kamctl, siremis, SQL scripts) works. One lcr_id is one routing instance; the application reads
-- the rows of the lcr_id it is configured with.

-- Gateways (port: INTEGER, as Kamailio's SMALLINT UNSIGNED holds 65535 and a signed SMALLINT does not).
-- uri_scheme: 1 sip, 2 sips. transport: 1 udp, 2 tcp, 3 tls, 4 sctp.
-- strip: digits removed from the front of the number; prefix: added in front of what is left.
-- defunct: when set, the gateway is not used until this UNIX time (seconds).
CREATE TABLE lcr_gw (
    id          INTEGER      NOT NULL PRIMARY KEY,
    lcr_id      SMALLINT     NOT NULL,
    gw_name     VARCHAR(128),
    ip_addr     VARCHAR(50),
    hostname    VARCHAR(64),
    port        INTEGER,
    params      VARCHAR(64),
    uri_scheme  SMALLINT,
    transport   SMALLINT,
    strip       SMALLINT,
    prefix      VARCHAR(16),
    tag         VARCHAR(64),
    flags       INTEGER      DEFAULT 0 NOT NULL,
    defunct     INTEGER
);
CREATE INDEX lcr_gw_lcr_id ON lcr_gw (lcr_id);

-- Rules: a number prefix, and optional regular expressions on the From URI and the Request-URI.
-- stopper 1: when this rule matches, rules with shorter prefixes are not looked at.
CREATE TABLE lcr_rule (
    id          INTEGER      NOT NULL PRIMARY KEY,
    lcr_id      SMALLINT     NOT NULL,
    prefix      VARCHAR(16),
    from_uri    VARCHAR(64),
    request_uri VARCHAR(64),
    stopper     INTEGER      DEFAULT 0 NOT NULL,
    enabled     INTEGER      DEFAULT 1 NOT NULL
);
CREATE UNIQUE INDEX lcr_rule_idx ON lcr_rule (lcr_id, prefix, from_uri);

-- Which gateways a rule uses: lower priority first, then weighted random among equal priorities.
CREATE TABLE lcr_rule_target (
    id          INTEGER      NOT NULL PRIMARY KEY,
    lcr_id      SMALLINT     NOT NULL,
    rule_id     INTEGER      NOT NULL,
    gw_id       INTEGER      NOT NULL,
    priority    SMALLINT     NOT NULL,
    weight      INTEGER      DEFAULT 1 NOT NULL
);
CREATE UNIQUE INDEX lcr_rule_target_rule_id_gw_id_idx ON lcr_rule_target (rule_id, gw_id);
CREATE INDEX lcr_rule_target_lcr_id ON lcr_rule_target (lcr_id);
