-- CustomerCare.Sqlite schema: the consent ledger and the customers' consent snapshot.
-- consent_records is append-only: rows are never updated or deleted. seq (the rowid) is the append sequence, which
-- breaks ties between records of the same instant. Enums are stored by name.
CREATE TABLE consent_records (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL,
    purpose TEXT NOT NULL,
    channel TEXT NOT NULL,
    action TEXT NOT NULL,
    source TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    policy_version TEXT NOT NULL,
    evidence TEXT
);
CREATE INDEX consent_records_customer ON consent_records (customer_id, recorded_at, seq);

-- The ConsentState mask of each customer (bit 4 × purpose + channel), so that segment rules on consent run in SQL.
-- Customers stored before this migration have no consent: the old accepts_marketing flag is not carried over, since
-- only the ledger may grant consent.
ALTER TABLE customers ADD COLUMN consent_mask INTEGER NOT NULL DEFAULT 0;
CREATE INDEX customers_consent ON customers (consent_mask);
