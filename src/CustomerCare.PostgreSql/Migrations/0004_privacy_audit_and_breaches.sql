-- The hash-chained audit log: append-only, enforced by triggers as well as by the store having no update or delete.
CREATE TABLE {s}.audit_log (
    sequence      bigint PRIMARY KEY,
    at            bigint NOT NULL,
    actor         text NOT NULL,
    kind          text COLLATE "C" NOT NULL,
    subject       text NOT NULL,
    details       text NOT NULL,
    previous_hash text COLLATE "C" NOT NULL,
    hash          text COLLATE "C" NOT NULL
);
CREATE FUNCTION {s}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON {s}.audit_log FOR EACH ROW EXECUTE FUNCTION {s}.audit_log_append_only();

CREATE TABLE {s}.breaches (
    id                    text COLLATE "C" PRIMARY KEY,
    detected_at           bigint NOT NULL,
    authority_notified_at bigint,
    document              jsonb NOT NULL
);
CREATE INDEX breaches_detected_at ON {s}.breaches (detected_at, id);

CREATE TABLE {s}.breach_notifications (
    breach_id   text COLLATE "C" NOT NULL REFERENCES {s}.breaches (id),
    customer_id text COLLATE "C" NOT NULL,
    message_id  text NOT NULL,
    queued_at   bigint NOT NULL,
    PRIMARY KEY (breach_id, customer_id)
);
