-- Leases on named jobs (IJobLeaseStore): one row per job ever leased. A released lease keeps its row with no holder,
-- so the fencing token goes on growing from where it was. Instants are bigint nanoseconds, as everywhere.
CREATE TABLE {s}.job_leases (
    job        text COLLATE "C" PRIMARY KEY,
    holder     text COLLATE "C" NULL,
    token      bigint NOT NULL,
    expires_at bigint NULL
);
