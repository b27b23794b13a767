-- CreateTable
CREATE TABLE "legal_review" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "subject_section" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" UUID NOT NULL,
    "title" TEXT,
    "grounds" TEXT[],
    "state" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "requested_by" TEXT NOT NULL,
    "outcome" TEXT,
    "opinion_number" TEXT,
    "summary" TEXT,
    "concluded_at" TIMESTAMPTZ(3),
    "concluded_by_id" TEXT,
    "concluded_by_name" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "legal_review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "legal_review_request_id_key" ON "legal_review"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "legal_review_opinion_number_key" ON "legal_review"("opinion_number");

-- CreateIndex
CREATE INDEX "legal_review_state_requested_at_idx" ON "legal_review"("state", "requested_at");

-- CreateIndex
CREATE INDEX "legal_review_subject_section_subject_kind_subject_id_idx" ON "legal_review"("subject_section", "subject_kind", "subject_id");

