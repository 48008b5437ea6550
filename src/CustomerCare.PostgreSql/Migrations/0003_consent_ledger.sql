-- The consent ledger and the customers' consent snapshot.
-- consent_records is append-only: rows are never updated or deleted. seq is the append sequence, which breaks ties
-- between records of the same instant. purpose, channel and action are the enums' numbers.
CREATE TABLE {s}.consent_records (
    seq            bigserial NOT NULL UNIQUE,
    id             text COLLATE "C" PRIMARY KEY,
    customer_id    text COLLATE "C" NOT NULL,
    purpose        smallint NOT NULL,
    channel        smallint NOT NULL,
    action         smallint NOT NULL,
    source         text NOT NULL,
    recorded_at    bigint NOT NULL,
    policy_version text NOT NULL,
    evidence       text NULL
);
CREATE INDEX consent_records_customer ON {s}.consent_records (customer_id, recorded_at, seq);

-- The ConsentState mask of each customer (bit 4 × purpose + channel), so that segment rules on consent run in SQL.
-- Customers stored before this migration have no consent: the old accepts_marketing flag is not carried over, since
-- only the ledger may grant consent.
ALTER TABLE {s}.customers ADD COLUMN consent_mask integer NOT NULL DEFAULT 0;
