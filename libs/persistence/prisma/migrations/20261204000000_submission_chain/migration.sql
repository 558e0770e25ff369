-- Each stored submission's place and hash in its election's chain, in a narrow table of their own,
-- written once after the submission's INSERT. They were columns of the submission, so chaining a
-- row rewrote it: an UPDATE of a wide row (its envelope, its payload) and of every one of its five
-- indexes, for every row stored — about as much work again as storing it.
CREATE TABLE "submission_chain" (
    "submission_id" BIGINT NOT NULL,
    "election_id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,
    CONSTRAINT "submission_chain_pkey" PRIMARY KEY ("submission_id")
);
INSERT INTO "submission_chain" ("submission_id", "election_id", "seq", "hash")
  SELECT "id", "election_id", "chain_seq", "chain_hash" FROM "submission" WHERE "chain_seq" IS NOT NULL;
DROP INDEX "submission_election_id_chain_seq_idx";
ALTER TABLE "submission" DROP COLUMN "chain_hash", DROP COLUMN "chain_seq";
