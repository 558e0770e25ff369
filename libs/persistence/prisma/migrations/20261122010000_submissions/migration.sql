-- CreateTable
CREATE TABLE "submission" (
    "id" BIGSERIAL NOT NULL,
    "election_id" TEXT NOT NULL,
    "precinct_id" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "body_hash" BYTEA NOT NULL,
    "envelope" BYTEA NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "submission_election_id_idx" ON "submission"("election_id");

-- CreateIndex
CREATE UNIQUE INDEX "submission_device_id_sequence_key" ON "submission"("device_id", "sequence");

-- AddForeignKey
ALTER TABLE "submission" ADD CONSTRAINT "submission_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Box results become submissions of kind 'result'.
INSERT INTO "submission" ("election_id", "precinct_id", "device_id", "sequence", "kind", "payload", "body_hash", "envelope", "received_at")
SELECT "election_id", "precinct_id", "device_id", "sequence", 'result',
       jsonb_build_object('votes', "votes", 'invalidBallots', "invalid_ballots", 'againstAll', "against_all",
                          'ballotsInBox', "ballots_in_box", 'closedAtMs', (extract(epoch FROM "closed_at") * 1000)::bigint),
       "body_hash", "envelope", "received_at"
FROM "precinct_result";

-- DropTable
DROP TABLE "precinct_result";

-- AlterTable
ALTER TABLE "election" ADD COLUMN "closed_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "rejection" ADD COLUMN "device_id" TEXT;
