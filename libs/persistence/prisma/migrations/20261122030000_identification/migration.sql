-- CreateTable
CREATE TABLE "identification" (
    "id" BIGSERIAL NOT NULL,
    "election_id" TEXT NOT NULL,
    "pin" TEXT NOT NULL,
    "precinct_id" TEXT NOT NULL,
    "device_id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "identified_at" TIMESTAMP(3) NOT NULL,
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "double_vote" (
    "id" BIGSERIAL NOT NULL,
    "election_id" TEXT NOT NULL,
    "pin" TEXT NOT NULL,
    "first_precinct_id" TEXT NOT NULL,
    "first_device_id" TEXT NOT NULL,
    "first_at" TIMESTAMP(3) NOT NULL,
    "second_precinct_id" TEXT NOT NULL,
    "second_device_id" TEXT NOT NULL,
    "second_at" TIMESTAMP(3) NOT NULL,
    "detected_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "double_vote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "identification_election_id_pin_key" ON "identification"("election_id", "pin");

-- CreateIndex
CREATE UNIQUE INDEX "double_vote_election_id_pin_second_device_id_second_at_key" ON "double_vote"("election_id", "pin", "second_device_id", "second_at");
