-- Operators' roles (register, close, revoke), an optional expiry, and revocation of a token.
-- Operators added before had every role.
ALTER TABLE "operator" ADD COLUMN "roles" TEXT[] NOT NULL DEFAULT ARRAY['register', 'close', 'revoke']::TEXT[];
ALTER TABLE "operator" ADD COLUMN "expires_at" TIMESTAMP(3);
ALTER TABLE "operator" ADD COLUMN "revoked_at" TIMESTAMP(3);

-- A device revoked by an operator (a stolen box, a lost modem), and its key's generation: an
-- operator's re-registration with a new key moves it on, and the keys it held before are kept so
-- that what it signed with them can still be checked.
ALTER TABLE "device" ADD COLUMN "revoked_at" TIMESTAMP(3);
ALTER TABLE "device" ADD COLUMN "generation" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "device" ADD COLUMN "previous_keys" BYTEA[] NOT NULL DEFAULT ARRAY[]::BYTEA[];

-- Hash chains, one per election: each accepted submission and each operator's action carries
-- SHA-256(the hash of the one before ‖ the SHA-256 of its own content). Rows stored before have none.
ALTER TABLE "submission" ADD COLUMN "chain_hash" BYTEA;
-- A submission's place in its chain: rows are chained as their transactions reach the chain's head
-- (after their INSERT, so a transaction slow to insert holds no other back), not by id.
ALTER TABLE "submission" ADD COLUMN "chain_seq" BIGINT;
CREATE INDEX "submission_election_id_chain_seq_idx" ON "submission"("election_id", "chain_seq");
ALTER TABLE "operator_action" ADD COLUMN "chain_hash" BYTEA;

-- Each election's chain heads ('submission', 'action'): locked by whoever appends to that chain.
CREATE TABLE "chain_head" (
    "election_id" TEXT NOT NULL,
    "chain" TEXT NOT NULL,
    "hash" BYTEA NOT NULL,
    "length" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "chain_head_pkey" PRIMARY KEY ("election_id", "chain")
);
INSERT INTO "chain_head" ("election_id", "chain", "hash")
  SELECT e."id", c."chain", '\x0000000000000000000000000000000000000000000000000000000000000000'::BYTEA
  FROM "election" e CROSS JOIN (VALUES ('submission'), ('action')) AS c("chain");

-- The few devices revoked or re-keyed, read by every instance at each poll of the shared store.
CREATE INDEX "device_changed_idx" ON "device" ("id") WHERE "revoked_at" IS NOT NULL OR "generation" > 0;
