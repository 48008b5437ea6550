-- CustomerCare.Sqlite schema, version 8.
-- A claim takes the waiting messages by priority, due time and id. The index ended at the due time, so each claim
-- sorted every waiting message that shares a priority and a due time; a day's notices are often queued at one instant,
-- and at 100,000 customers claiming cost a tenth of the run, growing with the square of the queue. With the id in the
-- index, a claim reads its first rows in order and stops at its limit.
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox (priority DESC, due_at, id) WHERE status = 'Pending';
