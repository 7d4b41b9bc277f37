-- The destinations of the dispatcher application, as in Kamailio's dispatcher table: one row per
-- destination of a set. attrs holds name=value pairs separated by ';' (weight=50;duid=gw1;maxload=20).
CREATE TABLE dispatcher (
    id          INTEGER       NOT NULL PRIMARY KEY,
    setid       INTEGER       NOT NULL DEFAULT 0,
    destination VARCHAR(192)  NOT NULL,
    flags       INTEGER       NOT NULL DEFAULT 0,
    priority    INTEGER       NOT NULL DEFAULT 0,
    attrs       VARCHAR(198)  NOT NULL DEFAULT '',
    description VARCHAR(64)   NOT NULL DEFAULT ''
);
