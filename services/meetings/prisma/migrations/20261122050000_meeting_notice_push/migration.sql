-- CreateTable
CREATE TABLE "meeting_notice_push" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "on_date" TEXT NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "details" JSONB NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by" TEXT NOT NULL,

    CONSTRAINT "meeting_notice_push_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_notice_push_on_date_idx" ON "meeting_notice_push"("on_date");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_notice_push_meeting_id_kind_on_date_key" ON "meeting_notice_push"("meeting_id", "kind", "on_date");

