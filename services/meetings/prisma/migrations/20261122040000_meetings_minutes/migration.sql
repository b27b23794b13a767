-- CreateTable
CREATE TABLE "meeting" (
    "id" UUID NOT NULL,
    "type_code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "classification" TEXT NOT NULL DEFAULT 'none',
    "place" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "chair" TEXT,
    "plan" JSONB NOT NULL DEFAULT '{}',
    "attendees" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "recipient_units" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "large" BOOLEAN NOT NULL DEFAULT false,
    "major_issues" BOOLEAN NOT NULL DEFAULT false,
    "cadre_matters" BOOLEAN NOT NULL DEFAULT false,
    "ad_hoc" BOOLEAN NOT NULL DEFAULT false,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "many_attendees_or_wide_scope" BOOLEAN NOT NULL DEFAULT false,
    "district_head_attends" BOOLEAN NOT NULL DEFAULT false,
    "district_head_signs" BOOLEAN NOT NULL DEFAULT false,
    "plan_sign_offs" JSONB NOT NULL DEFAULT '[]',
    "plan_signed_off_at" TIMESTAMPTZ(3),
    "plan_sign_off_non_compliant" BOOLEAN,
    "state" TEXT NOT NULL,
    "seating_approved_by" TEXT,
    "seating_approved_at" TIMESTAMPTZ(3),
    "pre_notice_sent_at" TIMESTAMPTZ(3),
    "pre_notice_consent_by" TEXT,
    "notice_sent_at" TIMESTAMPTZ(3),
    "notice_basis" TEXT,
    "notice_lead" JSONB,
    "notice_latest_date" TEXT,
    "notice_late" BOOLEAN NOT NULL DEFAULT false,
    "phone_attending_leaders" BOOLEAN NOT NULL DEFAULT false,
    "materials_distributed_at" TIMESTAMPTZ(3),
    "held_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_history" (
    "seq" BIGSERIAL NOT NULL,
    "meeting_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "meeting_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "meeting_notice_sign_for" (
    "meeting_id" UUID NOT NULL,
    "unit" TEXT NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,
    "signed_by_id" TEXT NOT NULL,
    "signed_by_name" TEXT NOT NULL,

    CONSTRAINT "meeting_notice_sign_for_pkey" PRIMARY KEY ("meeting_id","unit")
);

-- CreateTable
CREATE TABLE "meeting_attendance" (
    "meeting_id" UUID NOT NULL,
    "attendee_id" TEXT NOT NULL,
    "signed_in_at" TIMESTAMPTZ(3),
    "leave_reason" TEXT,
    "leave_approved" BOOLEAN NOT NULL DEFAULT false,
    "absence_reason" TEXT,

    CONSTRAINT "meeting_attendance_pkey" PRIMARY KEY ("meeting_id","attendee_id")
);

-- CreateTable
CREATE TABLE "meeting_document" (
    "meeting_id" UUID NOT NULL,
    "document_id" TEXT NOT NULL,
    "copies_issued" INTEGER NOT NULL,
    "copies_recovered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "meeting_document_pkey" PRIMARY KEY ("meeting_id","document_id")
);

-- CreateTable
CREATE TABLE "meeting_topic" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "proposing_unit" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "major" BOOLEAN NOT NULL DEFAULT false,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_by_id" TEXT NOT NULL,
    "submission_latest_date" TEXT,
    "materials_attached" BOOLEAN NOT NULL,
    "materials_signed_by_leader" BOOLEAN NOT NULL DEFAULT false,
    "attendee_list_attached" BOOLEAN NOT NULL DEFAULT false,
    "normative_document" BOOLEAN NOT NULL DEFAULT false,
    "major_administrative_decision" BOOLEAN NOT NULL DEFAULT false,
    "involves_legal_provisions" BOOLEAN NOT NULL DEFAULT false,
    "exempt_subject" TEXT,
    "legal_review" TEXT NOT NULL,
    "legal_review_request_id" UUID,
    "legal_review_opinion_number" TEXT,
    "industrial_land" BOOLEAN NOT NULL DEFAULT false,
    "planning" BOOLEAN NOT NULL DEFAULT false,
    "industry_opinion" TEXT,
    "approved_by_director" BOOLEAN NOT NULL DEFAULT false,
    "approved_by_principal_leader" BOOLEAN NOT NULL DEFAULT false,
    "approved_by_district_mayor" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL,
    "deliberated_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "meeting_topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_topic_history" (
    "seq" BIGSERIAL NOT NULL,
    "topic_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "meeting_topic_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "minutes" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "classification" TEXT NOT NULL DEFAULT 'none',
    "major" BOOLEAN NOT NULL DEFAULT false,
    "relevant_leader_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "decisions" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "number" TEXT,
    "number_year" INTEGER,
    "number_seq" INTEGER,
    "drafted_at" TIMESTAMPTZ(3) NOT NULL,
    "drafted_by_id" TEXT NOT NULL,
    "draft_due_at" TIMESTAMPTZ(3) NOT NULL,
    "draft_basis" TEXT NOT NULL,
    "draft_overdue" BOOLEAN NOT NULL DEFAULT false,
    "issue_due_at" TIMESTAMPTZ(3),
    "signed_at" TIMESTAMPTZ(3),
    "issue_due_after_signing_at" TIMESTAMPTZ(3),
    "issued_at" TIMESTAMPTZ(3),
    "issued_late" BOOLEAN,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "minutes_signature" (
    "seq" BIGSERIAL NOT NULL,
    "minutes_id" UUID NOT NULL,
    "signer_id" TEXT NOT NULL,
    "signer_name" TEXT NOT NULL,
    "roles" TEXT[],
    "posts" TEXT[],
    "step" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "minutes_signature_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "minutes_history" (
    "seq" BIGSERIAL NOT NULL,
    "minutes_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "minutes_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "leader_post_holder" (
    "post" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL,
    "assigned_by_id" TEXT NOT NULL,

    CONSTRAINT "leader_post_holder_pkey" PRIMARY KEY ("post")
);

-- CreateTable
CREATE TABLE "office_meeting_item" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "matter" JSONB NOT NULL,
    "conflicted_member_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "chair_id" TEXT NOT NULL,
    "speaking_order" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "candidate_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ballots" JSONB NOT NULL,
    "tallies" JSONB NOT NULL,
    "members" INTEGER NOT NULL,
    "present" INTEGER NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_by_id" TEXT NOT NULL,

    CONSTRAINT "office_meeting_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_state_starts_at_idx" ON "meeting"("state", "starts_at");

-- CreateIndex
CREATE INDEX "meeting_starts_at_idx" ON "meeting"("starts_at");

-- CreateIndex
CREATE INDEX "meeting_history_meeting_id_seq_idx" ON "meeting_history"("meeting_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_topic_legal_review_request_id_key" ON "meeting_topic"("legal_review_request_id");

-- CreateIndex
CREATE INDEX "meeting_topic_meeting_id_idx" ON "meeting_topic"("meeting_id");

-- CreateIndex
CREATE INDEX "meeting_topic_history_topic_id_seq_idx" ON "meeting_topic_history"("topic_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "minutes_meeting_id_key" ON "minutes"("meeting_id");

-- CreateIndex
CREATE UNIQUE INDEX "minutes_number_key" ON "minutes"("number");

-- CreateIndex
CREATE INDEX "minutes_state_idx" ON "minutes"("state");

-- CreateIndex
CREATE INDEX "minutes_signature_minutes_id_seq_idx" ON "minutes_signature"("minutes_id", "seq");

-- CreateIndex
CREATE INDEX "minutes_history_minutes_id_seq_idx" ON "minutes_history"("minutes_id", "seq");

-- CreateIndex
CREATE INDEX "office_meeting_item_meeting_id_idx" ON "office_meeting_item"("meeting_id");

-- AddForeignKey
ALTER TABLE "meeting_history" ADD CONSTRAINT "meeting_history_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_notice_sign_for" ADD CONSTRAINT "meeting_notice_sign_for_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_document" ADD CONSTRAINT "meeting_document_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_topic" ADD CONSTRAINT "meeting_topic_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_topic_history" ADD CONSTRAINT "meeting_topic_history_topic_id_fkey" FOREIGN KEY ("topic_id") REFERENCES "meeting_topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes_signature" ADD CONSTRAINT "minutes_signature_minutes_id_fkey" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "minutes_history" ADD CONSTRAINT "minutes_history_minutes_id_fkey" FOREIGN KEY ("minutes_id") REFERENCES "minutes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_meeting_item" ADD CONSTRAINT "office_meeting_item_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

