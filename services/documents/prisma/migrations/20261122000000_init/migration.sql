-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "outbox" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "inbox" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "handled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "trace_id" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "number_sequence" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last_value" INTEGER NOT NULL,

    CONSTRAINT "number_sequence_pkey" PRIMARY KEY ("prefix","year")
);

-- CreateTable
CREATE TABLE "issued_number" (
    "prefix" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "formatted" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issued_by" TEXT NOT NULL,
    "voided_at" TIMESTAMPTZ(3),
    "voided_by" TEXT,
    "void_reason" TEXT,

    CONSTRAINT "issued_number_pkey" PRIMARY KEY ("prefix","year","value")
);

-- CreateTable
CREATE TABLE "incoming_document" (
    "id" UUID NOT NULL,
    "register_number" TEXT NOT NULL,
    "register_year" INTEGER NOT NULL,
    "register_seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "sender_unit" TEXT NOT NULL,
    "sender_doc_number" TEXT,
    "doc_type" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "classification" TEXT NOT NULL,
    "copies" INTEGER NOT NULL,
    "pages" INTEGER,
    "summary" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_by_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "holder_id" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "need_to_know" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "incoming_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incoming_document_history" (
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

    CONSTRAINT "incoming_document_history_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_id_key" ON "outbox"("id");

-- CreateIndex
CREATE INDEX "outbox_published_at_seq_idx" ON "outbox"("published_at", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "audit_log_hash_key" ON "audit_log"("hash");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "issued_number_formatted_key" ON "issued_number"("formatted");

-- CreateIndex
CREATE UNIQUE INDEX "incoming_document_register_number_key" ON "incoming_document"("register_number");

-- CreateIndex
CREATE INDEX "incoming_document_register_year_register_seq_idx" ON "incoming_document"("register_year", "register_seq");

-- CreateIndex
CREATE INDEX "incoming_document_title_trgm" ON "incoming_document" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "incoming_document_history_document_id_seq_idx" ON "incoming_document_history"("document_id", "seq");

-- AddForeignKey
ALTER TABLE "incoming_document_history" ADD CONSTRAINT "incoming_document_history_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "incoming_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Platform: the audit log is append-only (libs/persistence/prisma/platform-triggers.sql).
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
