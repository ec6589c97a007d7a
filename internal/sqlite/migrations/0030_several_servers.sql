-- Events one server process passes to the others on the same database (a change made through one reaches the
-- pages served by another). Only PostgreSQL deployments run several processes; on SQLite one process serves
-- everything and this table stays empty.
CREATE TABLE server_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    origin  TEXT NOT NULL,
    name    TEXT NOT NULL,
    data    TEXT NOT NULL
);
