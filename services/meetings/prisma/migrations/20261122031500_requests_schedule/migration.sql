-- CreateTable
CREATE TABLE "meeting_request" (
    "id" UUID NOT NULL,
    "register_number" TEXT NOT NULL,
    "register_year" INTEGER NOT NULL,
    "register_seq" INTEGER NOT NULL,
    "request_type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "requesting_unit" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "starts_at" TIMESTAMPTZ(3),
    "ends_at" TIMESTAMPTZ(3),
    "place" TEXT,
    "scale" INTEGER,
    "content" TEXT,
    "participants" TEXT[],
    "agenda" TEXT[],
    "matter_count" INTEGER NOT NULL,
    "affected_departments" TEXT[],
    "consulted_departments" TEXT[],
    "declared_attachments" TEXT[],
    "attached_attachments" TEXT[],
    "leader_to_speak" BOOLEAN NOT NULL,
    "speech_draft_attached" BOOLEAN NOT NULL,
    "irregularities" TEXT[],
    "foreign_related" BOOLEAN NOT NULL,
    "admission_failures" JSONB NOT NULL,
    "admitted" BOOLEAN NOT NULL,
    "state" TEXT NOT NULL,
    "opinion" JSONB,
    "proposed_leader_ids" TEXT[],
    "foreign_affairs_opinion" TEXT,
    "reply_tasks" JSONB,
    "registered_by_id" TEXT NOT NULL,
    "registered_by_name" TEXT NOT NULL,
    "approved_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "meeting_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_request_history" (
    "seq" BIGSERIAL NOT NULL,
    "request_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "meeting_request_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "weekly_schedule" (
    "id" UUID NOT NULL,
    "week_monday" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "party_secretary_id" TEXT NOT NULL,
    "district_mayor_id" TEXT NOT NULL,
    "secretary_approved_at" TIMESTAMPTZ(3),
    "mayor_approved_at" TIMESTAMPTZ(3),
    "issue_due_at" TIMESTAMPTZ(3) NOT NULL,
    "issued_at" TIMESTAMPTZ(3),
    "issued_late" BOOLEAN,
    "amendment_count" INTEGER NOT NULL DEFAULT 0,
    "collected_at" TIMESTAMPTZ(3) NOT NULL,
    "collected_by_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "weekly_schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "weekly_schedule_entry" (
    "id" UUID NOT NULL,
    "schedule_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "request_id" UUID,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "leader_ids" TEXT[],
    "host_unit" TEXT NOT NULL,
    "accompanying_sections" TEXT[],
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "excluded_reason" TEXT,
    "added_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "weekly_schedule_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "weekly_schedule_history" (
    "seq" BIGSERIAL NOT NULL,
    "schedule_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "weekly_schedule_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "activity_plan" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "foreign_related" BOOLEAN NOT NULL,
    "visit" JSONB,
    "lead" JSONB,
    "plan" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "approvals" TEXT[],
    "leader_in_charge_id" TEXT,
    "principal_leader_id" TEXT,
    "foreign_affairs_opinion" TEXT,
    "venue_set_by" TEXT NOT NULL,
    "staff_on_post_at" TIMESTAMPTZ(3) NOT NULL,
    "notice_sent_at" TIMESTAMPTZ(3),
    "notice_latest_date" TEXT,
    "venue_set_at" TIMESTAMPTZ(3),
    "held_at" TIMESTAMPTZ(3),
    "reimbursed_at" TIMESTAMPTZ(3),
    "estimated_cost" DECIMAL(12,2),
    "drafted_by_id" TEXT NOT NULL,
    "drafted_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "activity_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_plan_history" (
    "seq" BIGSERIAL NOT NULL,
    "plan_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "activity_plan_history_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "meeting_request_register_number_key" ON "meeting_request"("register_number");

-- CreateIndex
CREATE INDEX "meeting_request_state_idx" ON "meeting_request"("state");

-- CreateIndex
CREATE INDEX "meeting_request_register_year_register_seq_idx" ON "meeting_request"("register_year", "register_seq");

-- CreateIndex
CREATE INDEX "meeting_request_history_request_id_seq_idx" ON "meeting_request_history"("request_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "weekly_schedule_week_monday_key" ON "weekly_schedule"("week_monday");

-- CreateIndex
CREATE INDEX "weekly_schedule_state_idx" ON "weekly_schedule"("state");

-- CreateIndex
CREATE INDEX "weekly_schedule_entry_schedule_id_starts_at_idx" ON "weekly_schedule_entry"("schedule_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "weekly_schedule_entry_schedule_id_request_id_key" ON "weekly_schedule_entry"("schedule_id", "request_id");

-- CreateIndex
CREATE INDEX "weekly_schedule_history_schedule_id_seq_idx" ON "weekly_schedule_history"("schedule_id", "seq");

-- CreateIndex
CREATE INDEX "activity_plan_state_idx" ON "activity_plan"("state");

-- CreateIndex
CREATE INDEX "activity_plan_starts_at_idx" ON "activity_plan"("starts_at");

-- CreateIndex
CREATE INDEX "activity_plan_history_plan_id_seq_idx" ON "activity_plan_history"("plan_id", "seq");

-- AddForeignKey
ALTER TABLE "meeting_request_history" ADD CONSTRAINT "meeting_request_history_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "meeting_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_schedule_entry" ADD CONSTRAINT "weekly_schedule_entry_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "weekly_schedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_schedule_history" ADD CONSTRAINT "weekly_schedule_history_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "weekly_schedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_plan_history" ADD CONSTRAINT "activity_plan_history_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "activity_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

