-- Every new complaint asks how many open complaints each member of its team holds, and how many came lately from its
-- author or about its product. Without these indexes each question read and parsed every complaint ever received, so
-- intake slowed down with the square of the complaints. They index the documents' own fields, so existing rows need no
-- new columns; the store's queries use the same expressions.
CREATE INDEX complaints_assignee ON {s}.complaints ((document->>'assigned_to'), (document->>'status'));
CREATE INDEX complaints_author ON {s}.complaints (channel, (document->>'author_handle'));
CREATE INDEX complaints_product ON {s}.complaints ((document->>'product_id'));
