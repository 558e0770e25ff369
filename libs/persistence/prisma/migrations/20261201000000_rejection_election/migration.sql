-- Rejections name the election their topic names, matched exactly: a LIKE on the topic let "_" and
-- "%" in an id match other elections' rows. Rows stored before take it from their uplink topic.
ALTER TABLE "rejection" ADD COLUMN "election_id" TEXT;

UPDATE "rejection" SET "election_id" = split_part("topic", '/', 4) WHERE starts_with("topic", 'shailoo/v1/up/');

-- CreateIndex
CREATE INDEX "rejection_election_id_id_idx" ON "rejection"("election_id", "id");
