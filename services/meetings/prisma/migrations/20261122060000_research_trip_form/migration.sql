-- CreateTable
CREATE TABLE "research_trip_form" (
    "id" UUID NOT NULL,
    "leader_id" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,
    "due_date" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "late" BOOLEAN NOT NULL,
    "matters" JSONB NOT NULL,
    "history" JSONB NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "issued_by_id" TEXT NOT NULL,

    CONSTRAINT "research_trip_form_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "research_trip_form_leader_id_ended_at_idx" ON "research_trip_form"("leader_id", "ended_at");

