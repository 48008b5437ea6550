-- Leases on named jobs (IJobLeaseStore): one row per job ever leased. A released lease keeps its row with no holder,
-- so the fencing token goes on growing from where it was.
CREATE TABLE job_leases (
    job TEXT NOT NULL PRIMARY KEY,
    holder TEXT,
    token INTEGER NOT NULL,
    expires_at INTEGER
);
