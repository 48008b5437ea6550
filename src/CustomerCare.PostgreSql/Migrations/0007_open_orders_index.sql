-- CustomerCare schema, version 7. {s} is the configured schema, quoted.
-- The nightly broken-promise sweep asks for the orders still placed (0) or shipped (1). Without this index it read
-- every order ever placed, every night; the partial index holds only the open ones.
CREATE INDEX orders_open ON {s}.orders (status) WHERE status IN (0, 1);
