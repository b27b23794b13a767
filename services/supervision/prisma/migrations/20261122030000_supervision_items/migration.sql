-- CreateTable
CREATE TABLE "supervision_item" (
    "id" UUID NOT NULL,
    "register_number" TEXT NOT NULL,
    "register_year" INTEGER NOT NULL,
    "register_seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "source_kind" TEXT NOT NULL,
    "source" JSONB NOT NULL,
    "origin_key" TEXT NOT NULL,
    "deadline_table" TEXT NOT NULL,
    "item_class" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "opened_by_id" TEXT NOT NULL,
    "opened_by_name" TEXT NOT NULL,
    "admitted_at" TIMESTAMPTZ(3),
    "assigned_at" TIMESTAMPTZ(3),
    "assigned_on" TEXT,
    "due_on" TEXT,
    "due_set_by" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "supervision_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_item_history" (
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

    CONSTRAINT "supervision_item_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "supervision_item_assignee" (
    "item_id" UUID NOT NULL,
    "unit" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "responsible_person" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "supervision_item_assignee_pkey" PRIMARY KEY ("item_id","unit")
);

-- CreateIndex
CREATE UNIQUE INDEX "supervision_item_register_number_key" ON "supervision_item"("register_number");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_item_origin_key_key" ON "supervision_item"("origin_key");

-- CreateIndex
CREATE INDEX "supervision_item_state_idx" ON "supervision_item"("state");

-- CreateIndex
CREATE INDEX "supervision_item_register_year_register_seq_idx" ON "supervision_item"("register_year", "register_seq");

-- CreateIndex
CREATE INDEX "supervision_item_history_item_id_seq_idx" ON "supervision_item_history"("item_id", "seq");

-- CreateIndex
CREATE INDEX "supervision_item_assignee_unit_idx" ON "supervision_item_assignee"("unit");

-- AddForeignKey
ALTER TABLE "supervision_item_history" ADD CONSTRAINT "supervision_item_history_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "supervision_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_item_assignee" ADD CONSTRAINT "supervision_item_assignee_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "supervision_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

