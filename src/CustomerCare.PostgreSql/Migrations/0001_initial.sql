-- CustomerCare schema, version 1. Every identifier column compares bytewise (COLLATE "C"): identifiers are ordinal.
-- {s} is the configured schema, quoted.

CREATE TABLE {s}.customers (
    id              text COLLATE "C" PRIMARY KEY,
    version         bigint   NOT NULL,
    birth_month     smallint NULL,
    birth_day       smallint NULL,
    birth_year      integer  NULL,
    gender          smallint NOT NULL,
    age_band        smallint NOT NULL,
    education       smallint NOT NULL,
    income_band     smallint NOT NULL,
    order_count     integer  NOT NULL,
    total_spend     numeric  NOT NULL,
    refunded_total  numeric  NOT NULL,
    returns_count   integer  NOT NULL,
    cancelled_count integer  NOT NULL,
    review_count    integer  NOT NULL,
    signed_up_at    bigint      NOT NULL,
    first_order_at  bigint      NULL,
    last_order_at   bigint      NULL,
    document        jsonb    NOT NULL
);
-- The daily birthday run asks for a few (month, day) pairs: this index answers it without reading every customer.
CREATE INDEX customers_birthday ON {s}.customers (birth_month, birth_day) WHERE birth_month IS NOT NULL;

CREATE TABLE {s}.orders (
    id          text COLLATE "C" PRIMARY KEY,
    customer_id text COLLATE "C" NOT NULL,
    version     bigint NOT NULL,
    status      smallint NOT NULL,
    placed_at   bigint      NOT NULL,
    document    jsonb NOT NULL
);
CREATE INDEX orders_customer ON {s}.orders (customer_id);

CREATE TABLE {s}.processed_events (
    event_id     text COLLATE "C" PRIMARY KEY,
    kind         text NOT NULL,
    customer_id  text COLLATE "C" NOT NULL,
    processed_at bigint      NOT NULL
);
CREATE INDEX processed_events_processed_at ON {s}.processed_events (processed_at);

CREATE TABLE {s}.segment_evaluations (
    segment        text COLLATE "C" PRIMARY KEY,
    last_evaluated bigint      NULL
);

CREATE TABLE {s}.segment_intervals (
    id          bigserial PRIMARY KEY,
    segment     text COLLATE "C" NOT NULL,
    customer_id text COLLATE "C" NOT NULL,
    entered_at  bigint      NOT NULL,
    left_at     bigint      NULL
);
CREATE INDEX segment_intervals_current ON {s}.segment_intervals (segment, customer_id) WHERE left_at IS NULL;
CREATE INDEX segment_intervals_span ON {s}.segment_intervals (segment, entered_at);

CREATE TABLE {s}.segment_changes (
    id          bigserial PRIMARY KEY,
    segment     text COLLATE "C" NOT NULL,
    customer_id text COLLATE "C" NOT NULL,
    kind        smallint NOT NULL,
    at          bigint      NOT NULL
);
CREATE INDEX segment_changes_at ON {s}.segment_changes (segment, at, id);

CREATE TABLE {s}.prices (
    product_id   text COLLATE "C" NOT NULL,
    effective_at bigint      NOT NULL,
    amount       numeric NOT NULL,
    currency     text NOT NULL,
    PRIMARY KEY (product_id, effective_at)
);

CREATE TABLE {s}.coupon_definitions (
    id       text COLLATE "C" PRIMARY KEY,
    document jsonb NOT NULL
);

CREATE TABLE {s}.coupons (
    code               text COLLATE "C" PRIMARY KEY,
    definition_id      text COLLATE "C" NOT NULL REFERENCES {s}.coupon_definitions (id),
    issued_at          bigint      NOT NULL,
    assigned_to        text COLLATE "C" NULL,
    max_redemptions    bigint NULL,
    per_customer_limit integer NULL,
    valid_from         bigint      NULL,
    valid_until        bigint      NULL,
    reserved           bigint NOT NULL DEFAULT 0,
    confirmed          bigint NOT NULL DEFAULT 0,
    released           bigint NOT NULL DEFAULT 0,
    -- The cap is a constraint too: even a faulty statement cannot push the active count past it.
    CONSTRAINT coupons_within_cap CHECK (max_redemptions IS NULL OR reserved + confirmed <= max_redemptions),
    CONSTRAINT coupons_counts_not_negative CHECK (reserved >= 0 AND confirmed >= 0 AND released >= 0)
);

CREATE TABLE {s}.coupon_redemptions (
    code              text COLLATE "C" NOT NULL REFERENCES {s}.coupons (code),
    order_id          text COLLATE "C" NOT NULL,
    customer_id       text COLLATE "C" NOT NULL,
    discount_amount   numeric NOT NULL,
    discount_currency text NOT NULL,
    state             smallint NOT NULL,
    reserved_at       bigint      NOT NULL,
    confirmed_at      bigint      NULL,
    released_at       bigint      NULL,
    PRIMARY KEY (code, order_id)
);
CREATE INDEX coupon_redemptions_order ON {s}.coupon_redemptions (order_id);
CREATE INDEX coupon_redemptions_active_customer ON {s}.coupon_redemptions (code, customer_id) WHERE state <> 2;

CREATE TABLE {s}.campaign_grants (
    campaign_id text COLLATE "C" NOT NULL,
    customer_id text COLLATE "C" NOT NULL,
    period      text COLLATE "C" NOT NULL,
    granted_at  bigint      NOT NULL,
    code        text COLLATE "C" NOT NULL UNIQUE REFERENCES {s}.coupons (code) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (campaign_id, customer_id, period)
);

CREATE TABLE {s}.compensation_entries (
    seq         bigserial NOT NULL UNIQUE,
    subject     text COLLATE "C" NOT NULL,
    kind        smallint NOT NULL,
    customer_id text COLLATE "C" NOT NULL,
    recorded_at bigint      NOT NULL,
    with_coupon boolean NOT NULL,
    PRIMARY KEY (subject, kind)
);
CREATE INDEX compensation_entries_customer ON {s}.compensation_entries (customer_id, recorded_at);
CREATE INDEX compensation_entries_recorded ON {s}.compensation_entries (recorded_at);

CREATE TABLE {s}.complaints (
    id               text COLLATE "C" PRIMARY KEY,
    channel          smallint NOT NULL,
    source_reference text COLLATE "C" NOT NULL,
    version          bigint NOT NULL,
    document         jsonb NOT NULL,
    UNIQUE (channel, source_reference)
);

CREATE TABLE {s}.surveys (
    id          text COLLATE "C" PRIMARY KEY,
    order_id    text COLLATE "C" NOT NULL UNIQUE,
    customer_id text COLLATE "C" NOT NULL,
    status      smallint NOT NULL,
    due_at      bigint      NOT NULL,
    sent_at     bigint      NULL,
    answered_at bigint      NULL,
    document    jsonb NOT NULL
);
CREATE INDEX surveys_due ON {s}.surveys (due_at, id) WHERE status = 0;
CREATE INDEX surveys_customer_sent ON {s}.surveys (customer_id, sent_at);
CREATE INDEX surveys_answered ON {s}.surveys (answered_at, id) WHERE answered_at IS NOT NULL;

CREATE TABLE {s}.reviews (
    review_id  text COLLATE "C" PRIMARY KEY,
    product_id text COLLATE "C" NOT NULL,
    posted_at  bigint      NOT NULL,
    document   jsonb NOT NULL
);
CREATE INDEX reviews_product_posted ON {s}.reviews (product_id, posted_at DESC, review_id DESC);
CREATE INDEX reviews_posted ON {s}.reviews (posted_at);

CREATE TABLE {s}.outbox_messages (
    id                  text COLLATE "C" PRIMARY KEY,
    channel             text NOT NULL,
    recipient           text NOT NULL,
    subject             text NULL,
    body                text NOT NULL,
    content_type        text NOT NULL,
    metadata            jsonb NOT NULL,
    kind                smallint NOT NULL,
    priority            integer NOT NULL,
    customer_id         text COLLATE "C" NULL,
    enqueued_at         bigint      NOT NULL,
    due_at              bigint      NOT NULL,
    status              smallint NOT NULL,
    attempts            integer NOT NULL,
    claimed_by          text NULL,
    lease_until         bigint      NULL,
    last_error          text NULL,
    sent_at             bigint      NULL,
    provider_message_id text NULL
);
CREATE INDEX outbox_pending ON {s}.outbox_messages (priority DESC, due_at, id) WHERE status = 0;
CREATE INDEX outbox_in_flight ON {s}.outbox_messages (lease_until) WHERE status = 1;
CREATE INDEX outbox_customer ON {s}.outbox_messages (customer_id, enqueued_at);
CREATE INDEX outbox_status ON {s}.outbox_messages (status);
