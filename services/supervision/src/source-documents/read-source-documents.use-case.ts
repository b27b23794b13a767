import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import { DATABASE, type RequestContext } from '@gov/service-kit';
import type { SupervisionDatabase } from '../database.js';
import type { SourceDocument } from '../generated/prisma/client.js';

const READERS = ['supervisor', 'director', 'deputy-director', 'section-chief', 'clerk', 'auditor', 'admin'] as const;

function toView(row: SourceDocument): supervision.SourceDocumentView {
  return {
    documentId: row.documentId,
    registerNumber: row.registerNumber,
    title: row.title,
    docType: row.docType,
    classification: row.classification as supervision.SourceDocumentView['classification'],
    senderUnit: row.senderUnit,
    registeredAt: row.registeredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    eventId: row.eventId,
  };
}

@Injectable()
export class GetSourceDocument {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute({ documentId }: { documentId: string }, { actor }: RequestContext) {
    if (!hasAnyRole(actor, READERS)) throw GovError.forbidden('you may not read supervision sources');
    const row = await this.db.sourceDocument.findUnique({ where: { documentId } });
    if (!row) throw GovError.notFound('supervision has no record of this document');
    return toView(row);
  }
}

@Injectable()
export class ListSourceDocuments {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute(input: z.infer<typeof supervision.listSourceDocuments.input>, { actor }: RequestContext) {
    if (!hasAnyRole(actor, READERS)) throw GovError.forbidden('you may not read supervision sources');
    const [rows, total] = await Promise.all([
      this.db.sourceDocument.findMany({ orderBy: { recordedAt: 'desc' }, take: input.limit, skip: input.offset }),
      this.db.sourceDocument.count(),
    ]);
    return { items: rows.map(toView), total };
  }
}
