-- Each row's transaction id. Ids are handed out before commit, so a row may appear below ones
-- already read; a transaction id below the oldest one still running (pg_snapshot_xmin) belongs to
-- a finished transaction. Instances follow the log up to that horizon: a late commit holds them
-- back, it is never skipped. Rows stored before take the migration's own id.
ALTER TABLE "submission" ADD COLUMN "xid" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- CreateIndex
CREATE INDEX "submission_xid_id_idx" ON "submission"("xid", "id");
