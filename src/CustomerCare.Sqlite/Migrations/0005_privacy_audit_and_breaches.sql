-- The hash-chained audit log: append-only, enforced by triggers as well as by the store having no update or delete.
CREATE TABLE audit_log (
    sequence INTEGER NOT NULL PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE breaches (
    id TEXT NOT NULL PRIMARY KEY,
    detected_at INTEGER NOT NULL,
    authority_notified_at INTEGER,
    document TEXT NOT NULL
);
CREATE INDEX breaches_detected_at ON breaches (detected_at, id);

CREATE TABLE breach_notifications (
    breach_id TEXT NOT NULL REFERENCES breaches (id),
    customer_sort_key BLOB NOT NULL,
    customer_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    PRIMARY KEY (breach_id, customer_sort_key)
);
