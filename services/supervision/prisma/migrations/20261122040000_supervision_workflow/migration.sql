-- AlterTable
ALTER TABLE "supervision_item" ADD COLUMN     "archive_transfer_on" TEXT,
ADD COLUMN     "archived_at" TIMESTAMPTZ(3),
ADD COLUMN     "classification" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "clock" JSONB,
ADD COLUMN     "closed_at" TIMESTAMPTZ(3),
ADD COLUMN     "colour" TEXT,
ADD COLUMN     "hand_over_by" TEXT,
ADD COLUMN     "intake_event_id" UUID,
ADD COLUMN     "needs_separate_notice" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "stopped_on" TEXT,
ADD COLUMN     "sudden_days" INTEGER;

-- CreateTable
CREATE TABLE "supervision_reminder" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "sent_on" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "contact_person" TEXT NOT NULL,
    "approved_by" TEXT,
    "by_id" TEXT NOT NULL,
    "by_name" TEXT NOT NULL,
    "notice_key" TEXT,

    CONSTRAINT "supervision_reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_notice" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "scheduled_on" TEXT NOT NULL,
    "sent_on" TEXT NOT NULL,
    "colour" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "supervision_notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_report" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_by_id" TEXT NOT NULL,
    "submitted_by_name" TEXT NOT NULL,
    "from_unit" TEXT NOT NULL,
    "form" TEXT NOT NULL,
    "signed_by_unit_head" BOOLEAN NOT NULL,
    "sealed" BOOLEAN NOT NULL,
    "summary" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by_id" TEXT,

    CONSTRAINT "supervision_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "supervision_reminder_item_id_at_idx" ON "supervision_reminder"("item_id", "at");

-- CreateIndex
CREATE INDEX "supervision_notice_sent_on_idx" ON "supervision_notice"("sent_on");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_notice_item_id_round_key_key" ON "supervision_notice"("item_id", "round", "key");

-- CreateIndex
CREATE INDEX "supervision_report_item_id_submitted_at_idx" ON "supervision_report"("item_id", "submitted_at");

-- CreateIndex
CREATE INDEX "supervision_item_due_on_idx" ON "supervision_item"("due_on");

-- CreateIndex
CREATE INDEX "supervision_item_colour_idx" ON "supervision_item"("colour");

-- AddForeignKey
ALTER TABLE "supervision_reminder" ADD CONSTRAINT "supervision_reminder_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "supervision_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notice" ADD CONSTRAINT "supervision_notice_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "supervision_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_report" ADD CONSTRAINT "supervision_report_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "supervision_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

