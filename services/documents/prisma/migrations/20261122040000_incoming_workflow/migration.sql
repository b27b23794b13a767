-- AlterTable
ALTER TABLE "incoming_document" ADD COLUMN     "archived_at" TIMESTAMPTZ(3),
ADD COLUMN     "chaser_id" TEXT,
ADD COLUMN     "chaser_name" TEXT,
ADD COLUMN     "circulated_at" TIMESTAMPTZ(3),
ADD COLUMN     "co_units" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "completed_at" TIMESTAMPTZ(3),
ADD COLUMN     "deadline" TEXT,
ADD COLUMN     "handed_action" TEXT,
ADD COLUMN     "handed_at" TIMESTAMPTZ(3),
ADD COLUMN     "important" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "in_transit_to_id" TEXT,
ADD COLUMN     "in_transit_to_name" TEXT,
ADD COLUMN     "involves_foreign_affairs" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "involves_legal_matters" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lead_unit" TEXT,
ADD COLUMN     "leaders" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "needs_principal_leader" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "proposal" TEXT,
ADD COLUMN     "reader_index" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "readers" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "replied_at" TIMESTAMPTZ(3),
ADD COLUMN     "reply" TEXT,
ADD COLUMN     "reply_required" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "return_grounds" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "tracker_id" TEXT,
ADD COLUMN     "tracker_name" TEXT;

-- CreateTable
CREATE TABLE "incoming_section_opinion" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "section" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "by_id" TEXT NOT NULL,
    "by_name" TEXT NOT NULL,
    "by_role" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incoming_section_opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incoming_instruction" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "leader_id" TEXT NOT NULL,
    "leader_name" TEXT NOT NULL,
    "rank" INTEGER,
    "text" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "sends_to" TEXT[],
    "routes" JSONB NOT NULL DEFAULT '[]',
    "signed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incoming_instruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incoming_route" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "instruction_id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "routed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "incoming_route_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "special_item" (
    "id" UUID NOT NULL,
    "register_number" TEXT,
    "register_year" INTEGER,
    "register_seq" INTEGER,
    "title" TEXT NOT NULL,
    "sender_unit" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "handover_person_id" TEXT NOT NULL,
    "handover_person_name" TEXT NOT NULL,
    "contact_person" TEXT,
    "contact_phone" TEXT,
    "instructed_units" JSONB NOT NULL DEFAULT '[]',
    "return_grounds" JSONB NOT NULL DEFAULT '[]',
    "proposal" TEXT,
    "instruction_copy_kept_at" TIMESTAMPTZ(3),
    "transferred_to" TEXT,
    "status" TEXT NOT NULL,
    "holder_id" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "special_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "special_item_instruction" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "leader_id" TEXT NOT NULL,
    "leader_name" TEXT NOT NULL,
    "rank" INTEGER,
    "text" TEXT NOT NULL,
    "stance" TEXT NOT NULL,
    "sends_to" TEXT[],
    "signed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "special_item_instruction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "special_item_history" (
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

    CONSTRAINT "special_item_history_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "incoming_section_opinion_document_id_idx" ON "incoming_section_opinion"("document_id");

-- CreateIndex
CREATE INDEX "incoming_instruction_document_id_idx" ON "incoming_instruction"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "incoming_instruction_document_id_leader_id_key" ON "incoming_instruction"("document_id", "leader_id");

-- CreateIndex
CREATE UNIQUE INDEX "incoming_route_instruction_id_to_key" ON "incoming_route"("instruction_id", "to");

-- CreateIndex
CREATE UNIQUE INDEX "special_item_register_number_key" ON "special_item"("register_number");

-- CreateIndex
CREATE INDEX "special_item_title_trgm" ON "special_item" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "special_item_instruction_item_id_idx" ON "special_item_instruction"("item_id");

-- CreateIndex
CREATE INDEX "special_item_history_item_id_seq_idx" ON "special_item_history"("item_id", "seq");

-- CreateIndex
CREATE INDEX "incoming_document_registered_at_idx" ON "incoming_document"("registered_at");

-- CreateIndex
CREATE INDEX "incoming_document_holder_id_idx" ON "incoming_document"("holder_id");

-- CreateIndex
CREATE INDEX "incoming_document_in_transit_to_id_idx" ON "incoming_document"("in_transit_to_id");

-- CreateIndex
CREATE INDEX "incoming_document_chaser_id_idx" ON "incoming_document"("chaser_id");

-- AddForeignKey
ALTER TABLE "incoming_section_opinion" ADD CONSTRAINT "incoming_section_opinion_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "incoming_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_instruction" ADD CONSTRAINT "incoming_instruction_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "incoming_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_route" ADD CONSTRAINT "incoming_route_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "incoming_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "special_item_instruction" ADD CONSTRAINT "special_item_instruction_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "special_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "special_item_history" ADD CONSTRAINT "special_item_history_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "special_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

