-- CreateTable
CREATE TABLE "election" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition_hash" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "election_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "device" (
    "id" TEXT NOT NULL,
    "election_id" TEXT NOT NULL,
    "precinct_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "public_key" BYTEA NOT NULL,

    CONSTRAINT "device_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "precinct_result" (
    "id" BIGSERIAL NOT NULL,
    "election_id" TEXT NOT NULL,
    "precinct_id" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "votes" JSONB NOT NULL,
    "invalid_ballots" INTEGER NOT NULL,
    "against_all" INTEGER NOT NULL DEFAULT 0,
    "ballots_in_box" INTEGER NOT NULL,
    "closed_at" TIMESTAMP(3) NOT NULL,
    "body_hash" BYTEA NOT NULL,
    "envelope" BYTEA NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "precinct_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rejection" (
    "id" BIGSERIAL NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "topic" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "raw" BYTEA NOT NULL,

    CONSTRAINT "rejection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "device_election_id_idx" ON "device"("election_id");

-- CreateIndex
CREATE INDEX "precinct_result_election_id_idx" ON "precinct_result"("election_id");

-- CreateIndex
CREATE UNIQUE INDEX "precinct_result_device_id_sequence_key" ON "precinct_result"("device_id", "sequence");

-- CreateIndex
CREATE INDEX "rejection_reason_idx" ON "rejection"("reason");

-- AddForeignKey
ALTER TABLE "device" ADD CONSTRAINT "device_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "precinct_result" ADD CONSTRAINT "precinct_result_election_id_fkey" FOREIGN KEY ("election_id") REFERENCES "election"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
