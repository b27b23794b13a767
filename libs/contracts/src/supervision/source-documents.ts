import { z } from 'zod';
import { ClassificationSchema, IsoDateTimeSchema, PageSchema, UuidSchema } from '../common.js';
import { defineCommand } from '../define.js';

/**
 * Supervision's register of source documents (督办来源文件): every registered incoming document, recorded from
 * documents' `registered` event, so that a later leader instruction on it becomes a supervision item linked to
 * its origin (seed000-a W9, the branch "it needs tracking → 督查室", seed 000 L280) without asking documents.
 */
export const SourceDocumentViewSchema = z.object({
  documentId: UuidSchema,
  registerNumber: z.string(),
  title: z.string().nullable(),
  docType: z.string(),
  classification: ClassificationSchema,
  senderUnit: z.string(),
  registeredAt: IsoDateTimeSchema,
  recordedAt: IsoDateTimeSchema,
  eventId: UuidSchema,
});
export type SourceDocumentView = z.infer<typeof SourceDocumentViewSchema>;

export const getSourceDocument = defineCommand({
  kind: 'query',
  section: 'supervision',
  aggregate: 'source-document',
  verb: 'get',
  input: z.object({ documentId: UuidSchema }).strict(),
  output: SourceDocumentViewSchema,
  description: 'A source document as supervision recorded it from the documents section.',
});

export const listSourceDocuments = defineCommand({
  kind: 'query',
  section: 'supervision',
  aggregate: 'source-document',
  verb: 'list',
  input: PageSchema.strict(),
  output: z.object({ items: z.array(SourceDocumentViewSchema), total: z.number().int() }),
  description: 'Source documents recorded by supervision, newest first.',
});
