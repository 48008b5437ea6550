-- CustomerCare.Sqlite schema, version 7.
-- The nightly broken-promise sweep asks for the orders still placed or shipped. Without this index it read and parsed
-- every order ever placed, every night. It indexes the document's own field (json_extract is deterministic), so
-- existing rows need no new column; the store's query uses the same expression.
CREATE INDEX orders_status ON orders (json_extract(document, '$.status'));
