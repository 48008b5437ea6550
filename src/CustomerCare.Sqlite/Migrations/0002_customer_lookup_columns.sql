-- Columns that let the complaint intake find a customer by e-mail or phone, and the first-purchase and win-back
-- campaigns find their candidates, through an index instead of reading every customer. Rows written before this
-- migration have columns_version 1; the store fills their new columns from their documents when it opens the file.
ALTER TABLE customers ADD COLUMN email_key TEXT;
ALTER TABLE customers ADD COLUMN phone_key TEXT;
ALTER TABLE customers ADD COLUMN signed_up_at INTEGER;
ALTER TABLE customers ADD COLUMN last_order_at INTEGER;
ALTER TABLE customers ADD COLUMN columns_version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX customers_email ON customers (email_key);
CREATE INDEX customers_phone ON customers (phone_key);
CREATE INDEX customers_signed_up ON customers (order_count, signed_up_at);
CREATE INDEX customers_last_order ON customers (last_order_at);
CREATE INDEX customers_columns_version ON customers (columns_version);
