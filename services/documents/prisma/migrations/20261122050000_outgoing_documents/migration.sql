-- CreateTable
CREATE TABLE "outgoing_document" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "drafting_unit" TEXT NOT NULL,
    "summary" TEXT,
    "classification" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "need_to_know" TEXT[],
    "drafted_by_id" TEXT NOT NULL,
    "drafted_by_name" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "holder_id" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "return_grounds" JSONB,
    "register_number" TEXT,
    "registered_at" TIMESTAMPTZ(3),
    "doc_type" TEXT,
    "issuing_name" TEXT,
    "major" BOOLEAN NOT NULL DEFAULT false,
    "upward" BOOLEAN NOT NULL DEFAULT false,
    "portfolios" TEXT[],
    "delegated_to_office" BOOLEAN NOT NULL DEFAULT false,
    "general_distribution" BOOLEAN NOT NULL DEFAULT false,
    "to_city_government" BOOLEAN NOT NULL DEFAULT false,
    "liaison_secretary_id" TEXT,
    "joint_review_required" BOOLEAN NOT NULL DEFAULT false,
    "joint_review_units" TEXT[],
    "joint_ruling" JSONB,
    "legal_review_required" BOOLEAN NOT NULL DEFAULT false,
    "legal_review_reasons" TEXT[],
    "legal_request_id" UUID,
    "signing_round" INTEGER NOT NULL DEFAULT 0,
    "original_signer_id" TEXT,
    "document_number" TEXT,
    "number_prefix" TEXT,
    "number_year" INTEGER,
    "number_seq" INTEGER,
    "numbered_at" TIMESTAMPTZ(3),
    "proof_mark" JSONB,
    "second_proof" JSONB,
    "copies" INTEGER,
    "copy_numbers" TEXT[],
    "printed_at" TIMESTAMPTZ(3),
    "seal" JSONB,
    "distribution_channel" TEXT,
    "recipients" TEXT[],
    "distributed_at" TIMESTAMPTZ(3),
    "distribution_status" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "withdrawn_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "outgoing_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outgoing_document_history" (
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
    "holder_id" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,

    CONSTRAINT "outgoing_document_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "outgoing_sign_off" (
    "seq" BIGSERIAL NOT NULL,
    "document_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "signer_id" TEXT NOT NULL,
    "signer_name" TEXT NOT NULL,
    "signed_name" TEXT NOT NULL,
    "opinion" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "signed_at" TEXT NOT NULL,
    "signed_at_time" TIMESTAMPTZ(3) NOT NULL,
    "posts" TEXT[],
    "portfolios" TEXT[],
    "rank" INTEGER,
    "proxy" JSONB,
    "later_signature_pending" BOOLEAN NOT NULL DEFAULT false,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outgoing_sign_off_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "outgoing_opinion" (
    "seq" BIGSERIAL NOT NULL,
    "document_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "unit" TEXT,
    "opinion" TEXT NOT NULL,
    "signed_name" TEXT,
    "signed_at" TEXT,
    "outcome" TEXT,
    "opinion_number" TEXT,
    "review_id" UUID,
    "recorded_by_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outgoing_opinion_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "outgoing_signatory" (
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "posts" TEXT[],
    "portfolios" TEXT[],
    "rank" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outgoing_signatory_pkey" PRIMARY KEY ("user_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outgoing_document_register_number_key" ON "outgoing_document"("register_number");

-- CreateIndex
CREATE UNIQUE INDEX "outgoing_document_document_number_key" ON "outgoing_document"("document_number");

-- CreateIndex
CREATE INDEX "outgoing_document_submitted_at_idx" ON "outgoing_document"("submitted_at");

-- CreateIndex
CREATE INDEX "outgoing_document_status_idx" ON "outgoing_document"("status");

-- CreateIndex
CREATE INDEX "outgoing_document_number_prefix_number_year_number_seq_idx" ON "outgoing_document"("number_prefix", "number_year", "number_seq");

-- CreateIndex
CREATE INDEX "outgoing_document_title_trgm" ON "outgoing_document" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "outgoing_document_history_document_id_seq_idx" ON "outgoing_document_history"("document_id", "seq");

-- CreateIndex
CREATE INDEX "outgoing_sign_off_document_id_round_seq_idx" ON "outgoing_sign_off"("document_id", "round", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "outgoing_opinion_review_id_key" ON "outgoing_opinion"("review_id");

-- CreateIndex
CREATE INDEX "outgoing_opinion_document_id_seq_idx" ON "outgoing_opinion"("document_id", "seq");

-- AddForeignKey
ALTER TABLE "outgoing_document_history" ADD CONSTRAINT "outgoing_document_history_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "outgoing_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outgoing_sign_off" ADD CONSTRAINT "outgoing_sign_off_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "outgoing_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outgoing_opinion" ADD CONSTRAINT "outgoing_opinion_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "outgoing_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

