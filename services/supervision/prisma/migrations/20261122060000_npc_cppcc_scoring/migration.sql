-- CreateTable
CREATE TABLE "npc_cppcc_item" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "external_number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "proposers" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "received_on" TEXT NOT NULL,
    "assign_by" TEXT NOT NULL,
    "mode" TEXT,
    "round" INTEGER NOT NULL DEFAULT 0,
    "assigned_on" TEXT,
    "assigned_late" BOOLEAN NOT NULL DEFAULT false,
    "midpoint_check_on" TEXT,
    "midpoint_checked_on" TEXT,
    "send_back_by" TEXT,
    "reply_by" TEXT,
    "reply_latest_by" TEXT,
    "reply_due_on" TEXT,
    "explained_on" TEXT,
    "reopened_on" TEXT,
    "replied_on" TEXT,
    "replied_late" BOOLEAN,
    "grade" TEXT,
    "reply_reference" TEXT,
    "response" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by_id" TEXT NOT NULL,
    "created_by_name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "npc_cppcc_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "npc_cppcc_unit" (
    "item_id" UUID NOT NULL,
    "unit" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "responsible_person" TEXT NOT NULL,
    "round" INTEGER NOT NULL,

    CONSTRAINT "npc_cppcc_unit_pkey" PRIMARY KEY ("item_id","unit")
);

-- CreateTable
CREATE TABLE "npc_cppcc_history" (
    "seq" BIGSERIAL NOT NULL,
    "item_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "npc_cppcc_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "score_entry" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "section_id" TEXT NOT NULL,
    "person_id" TEXT,
    "criticised_by_leader" BOOLEAN NOT NULL DEFAULT false,
    "evidence_submitted_on" TEXT NOT NULL,
    "evidence_status" TEXT NOT NULL,
    "evidence_from" TEXT,
    "note" TEXT,
    "yearly_key" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by_id" TEXT NOT NULL,
    "recorded_by_name" TEXT NOT NULL,

    CONSTRAINT "score_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score_posting" (
    "id" UUID NOT NULL,
    "person_id" TEXT NOT NULL,
    "section_id" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "score_posting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "npc_cppcc_item_state_idx" ON "npc_cppcc_item"("state");

-- CreateIndex
CREATE UNIQUE INDEX "npc_cppcc_item_kind_external_number_key" ON "npc_cppcc_item"("kind", "external_number");

-- CreateIndex
CREATE INDEX "npc_cppcc_unit_unit_idx" ON "npc_cppcc_unit"("unit");

-- CreateIndex
CREATE INDEX "npc_cppcc_history_item_id_seq_idx" ON "npc_cppcc_history"("item_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "score_entry_yearly_key_key" ON "score_entry"("yearly_key");

-- CreateIndex
CREATE INDEX "score_entry_year_section_id_idx" ON "score_entry"("year", "section_id");

-- CreateIndex
CREATE INDEX "score_entry_year_person_id_idx" ON "score_entry"("year", "person_id");

-- CreateIndex
CREATE INDEX "score_posting_person_id_idx" ON "score_posting"("person_id");

-- CreateIndex
CREATE INDEX "score_posting_section_id_idx" ON "score_posting"("section_id");

-- AddForeignKey
ALTER TABLE "npc_cppcc_unit" ADD CONSTRAINT "npc_cppcc_unit_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "npc_cppcc_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "npc_cppcc_history" ADD CONSTRAINT "npc_cppcc_history_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "npc_cppcc_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

