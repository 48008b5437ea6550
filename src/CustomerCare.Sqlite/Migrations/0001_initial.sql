-- CustomerCare.Sqlite schema, version 1.
-- Instants are INTEGER nanoseconds since the Unix epoch; money amounts are invariant decimal TEXT beside a currency
-- code; enums are stored by name; sort_key is the identifier in UTF-16 big-endian, whose byte order is .NET's ordinal
-- order. Complex records are JSON documents (CustomerCare.Storage.Serialization.StorageJson) beside the key columns
-- that queries use.

CREATE TABLE customers (
    id TEXT NOT NULL PRIMARY KEY,
    sort_key BLOB NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    birth_month INTEGER,
    birth_day INTEGER,
    birth_year INTEGER,
    order_count INTEGER NOT NULL,
    returns_count INTEGER NOT NULL,
    cancelled_count INTEGER NOT NULL,
    review_count INTEGER NOT NULL,
    city_key TEXT,
    document TEXT NOT NULL
);
-- The daily birthday run reads one or two (month, day) pairs through this index, never the whole table.
CREATE INDEX customers_birthday ON customers (birth_month, birth_day);
-- city_key is the city folded as CustomerCare.Text.TurkishInvariantComparer folds it, so equality matches segment rules.
CREATE INDEX customers_city ON customers (city_key);

CREATE TABLE orders (
    id TEXT NOT NULL PRIMARY KEY,
    sort_key BLOB NOT NULL UNIQUE,
    customer_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id);

CREATE TABLE processed_events (
    event_id TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    processed_at INTEGER NOT NULL
);
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);

CREATE TABLE segment_evaluations (
    segment TEXT NOT NULL PRIMARY KEY,
    last_evaluated_at INTEGER NOT NULL
);

CREATE TABLE segment_intervals (
    id INTEGER PRIMARY KEY,
    segment TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    entered_at INTEGER NOT NULL,
    left_at INTEGER
);
CREATE INDEX segment_intervals_member ON segment_intervals (segment, customer_id);
CREATE INDEX segment_intervals_current ON segment_intervals (segment) WHERE left_at IS NULL;

CREATE TABLE segment_changes (
    id INTEGER PRIMARY KEY,
    segment TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX segment_changes_at ON segment_changes (segment, at);

CREATE TABLE prices (
    product_id TEXT NOT NULL,
    effective_at INTEGER NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    PRIMARY KEY (product_id, effective_at)
) WITHOUT ROWID;

CREATE TABLE coupon_definitions (
    id TEXT NOT NULL PRIMARY KEY,
    document TEXT NOT NULL
);

CREATE TABLE coupons (
    code TEXT NOT NULL PRIMARY KEY,
    definition_id TEXT NOT NULL REFERENCES coupon_definitions (id),
    issued_at INTEGER NOT NULL,
    assigned_to TEXT,
    max_redemptions INTEGER,
    per_customer_limit INTEGER,
    valid_from INTEGER,
    valid_until INTEGER,
    reserved INTEGER NOT NULL DEFAULT 0,
    confirmed INTEGER NOT NULL DEFAULT 0,
    released INTEGER NOT NULL DEFAULT 0,
    CHECK (reserved >= 0 AND confirmed >= 0 AND released >= 0),
    CHECK (max_redemptions IS NULL OR reserved + confirmed <= max_redemptions)
);

CREATE TABLE redemptions (
    code TEXT NOT NULL REFERENCES coupons (code),
    order_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    discount_amount TEXT NOT NULL,
    discount_currency TEXT NOT NULL,
    state TEXT NOT NULL,
    reserved_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    released_at INTEGER,
    PRIMARY KEY (code, order_id)
);
CREATE INDEX redemptions_order ON redemptions (order_id);
CREATE INDEX redemptions_active_customer ON redemptions (code, customer_id) WHERE state <> 'Released';

CREATE TABLE campaign_grants (
    campaign_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    period TEXT NOT NULL,
    granted_at INTEGER NOT NULL,
    code TEXT NOT NULL UNIQUE REFERENCES coupons (code),
    PRIMARY KEY (campaign_id, customer_id, period)
);

CREATE TABLE compensations (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    kind TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    recorded_at INTEGER NOT NULL,
    with_coupon INTEGER NOT NULL,
    UNIQUE (subject, kind)
);
CREATE INDEX compensations_customer ON compensations (customer_id, recorded_at);
CREATE INDEX compensations_recorded_at ON compensations (recorded_at);

CREATE TABLE complaints (
    id TEXT NOT NULL PRIMARY KEY,
    sort_key BLOB NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    source_ref TEXT NOT NULL,
    version INTEGER NOT NULL,
    document TEXT NOT NULL,
    UNIQUE (channel, source_ref)
);

CREATE TABLE surveys (
    id TEXT NOT NULL PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE,
    customer_id TEXT NOT NULL,
    status TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    sent_at INTEGER,
    answered_at INTEGER,
    document TEXT NOT NULL
);
CREATE INDEX surveys_due ON surveys (due_at) WHERE status = 'Scheduled';
CREATE INDEX surveys_customer ON surveys (customer_id, sent_at);
CREATE INDEX surveys_answered ON surveys (answered_at) WHERE answered_at IS NOT NULL;

CREATE TABLE reviews (
    review_id TEXT NOT NULL PRIMARY KEY,
    product_id TEXT NOT NULL,
    posted_at INTEGER NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX reviews_product ON reviews (product_id, posted_at);
CREATE INDEX reviews_posted_at ON reviews (posted_at);

CREATE TABLE outbox (
    id TEXT NOT NULL PRIMARY KEY,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT,
    body TEXT NOT NULL,
    content_type TEXT NOT NULL,
    metadata TEXT NOT NULL,
    kind TEXT NOT NULL,
    priority INTEGER NOT NULL,
    customer_id TEXT,
    enqueued_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    claimed_by TEXT,
    lease_until INTEGER,
    last_error TEXT,
    sent_at INTEGER,
    provider_message_id TEXT
);
CREATE INDEX outbox_pending ON outbox (priority DESC, due_at) WHERE status = 'Pending';
CREATE INDEX outbox_in_flight ON outbox (lease_until) WHERE status = 'InFlight';
CREATE INDEX outbox_status ON outbox (status);
CREATE INDEX outbox_customer ON outbox (customer_id, enqueued_at);
