-- CreateTable
CREATE TABLE "confidential_document" (
    "id" UUID NOT NULL,
    "register_number" TEXT NOT NULL,
    "register_year" INTEGER NOT NULL,
    "register_seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT,
    "telegram_number" TEXT,
    "title" TEXT NOT NULL,
    "sender_unit" TEXT NOT NULL,
    "sender_doc_number" TEXT,
    "classification" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "deadline" TEXT,
    "items" INTEGER NOT NULL,
    "pages" INTEGER NOT NULL,
    "copies_made" INTEGER NOT NULL DEFAULT 0,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_by_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "holder_id" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "need_to_know" TEXT[],
    "designated_handler_id" TEXT,
    "proposal_text" TEXT,
    "proposal_by_id" TEXT,
    "proposal_by_name" TEXT,
    "proposal_by_roles" TEXT[],
    "proposal_at" TIMESTAMPTZ(3),
    "instructions" JSONB NOT NULL DEFAULT '[]',
    "must_return" BOOLEAN NOT NULL,
    "return_due" TEXT,
    "returned_at" TIMESTAMPTZ(3),
    "destruction_approval" JSONB,
    "destruction_witnesses" JSONB NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "confidential_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "confidential_document_history" (
    "seq" BIGSERIAL NOT NULL,
    "document_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "confidential_document_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "outgoing_telegram" (
    "id" UUID NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "sending_unit" TEXT NOT NULL,
    "issuers" JSONB NOT NULL,
    "destinations" TEXT[],
    "reply_to_id" UUID,
    "state" TEXT NOT NULL,
    "signatures" JSONB NOT NULL DEFAULT '[]',
    "pending_later_signatures" TEXT[],
    "later_signature_due" TEXT,
    "need_to_know" TEXT[],
    "drafted_by_id" TEXT NOT NULL,
    "drafted_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "outgoing_telegram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outgoing_telegram_history" (
    "seq" BIGSERIAL NOT NULL,
    "telegram_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "outgoing_telegram_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "seal" (
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keeper_ids" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "seal_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "seal_approver" (
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "posts" TEXT[],
    "portfolios" TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "seal_approver_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "seal_request" (
    "id" UUID NOT NULL,
    "seal" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "purpose_text" TEXT NOT NULL,
    "document_title" TEXT NOT NULL,
    "impressions" INTEGER NOT NULL,
    "area" TEXT,
    "requester_id" TEXT NOT NULL,
    "requester_name" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "approver_id" TEXT,
    "approver_name" TEXT,
    "approver_posts" TEXT[],
    "approver_portfolios" TEXT[],
    "approval_text" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "doubtful" BOOLEAN NOT NULL DEFAULT false,
    "confirmed_by_id" TEXT,
    "confirmed_by_name" TEXT,
    "confirmed_by_roles" TEXT[],
    "confirmed_at" TIMESTAMPTZ(3),
    "refusals" JSONB NOT NULL DEFAULT '[]',
    "requested_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "seal_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "seal_request_history" (
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

    CONSTRAINT "seal_request_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "seal_register_entry" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "date" TEXT NOT NULL,
    "seal" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "purpose_category" TEXT NOT NULL,
    "document_title" TEXT NOT NULL,
    "approver_name" TEXT NOT NULL,
    "approval_text" TEXT NOT NULL,
    "impressions" INTEGER NOT NULL,
    "handler_id" TEXT NOT NULL,
    "handler_name" TEXT NOT NULL,
    "stamped_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "seal_register_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "confidential_document_register_number_key" ON "confidential_document"("register_number");

-- CreateIndex
CREATE INDEX "confidential_document_register_year_register_seq_idx" ON "confidential_document"("register_year", "register_seq");

-- CreateIndex
CREATE INDEX "confidential_document_must_return_returned_at_idx" ON "confidential_document"("must_return", "returned_at");

-- CreateIndex
CREATE INDEX "confidential_document_title_trgm" ON "confidential_document" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "confidential_document_history_document_id_seq_idx" ON "confidential_document_history"("document_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "outgoing_telegram_number_key" ON "outgoing_telegram"("number");

-- CreateIndex
CREATE INDEX "outgoing_telegram_state_idx" ON "outgoing_telegram"("state");

-- CreateIndex
CREATE INDEX "outgoing_telegram_history_telegram_id_seq_idx" ON "outgoing_telegram_history"("telegram_id", "seq");

-- CreateIndex
CREATE INDEX "seal_request_state_idx" ON "seal_request"("state");

-- CreateIndex
CREATE INDEX "seal_request_history_request_id_seq_idx" ON "seal_request_history"("request_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "seal_register_entry_request_id_key" ON "seal_register_entry"("request_id");

-- CreateIndex
CREATE INDEX "seal_register_entry_date_seal_idx" ON "seal_register_entry"("date", "seal");

-- AddForeignKey
ALTER TABLE "confidential_document_history" ADD CONSTRAINT "confidential_document_history_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "confidential_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outgoing_telegram_history" ADD CONSTRAINT "outgoing_telegram_history_telegram_id_fkey" FOREIGN KEY ("telegram_id") REFERENCES "outgoing_telegram"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seal_request_history" ADD CONSTRAINT "seal_request_history_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "seal_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seal_register_entry" ADD CONSTRAINT "seal_register_entry_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "seal_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

