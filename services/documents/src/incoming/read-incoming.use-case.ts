import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { appendAudit } from '@gov/persistence';
import { GovError, documents, type Classification } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import { DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import { toSummaryView, toView } from './incoming.mapper.js';
import { readDecision } from './incoming.rules.js';

/** Office roles that work with the incoming register (the unit liaison of another unit does not). */
const REGISTER_READERS = [
  'clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader',
  'supervisor', 'auditor', 'admin',
] as const;

/**
 * One incoming document with its history and current holder. A classified document is shown only within its
 * 知悉范围 and each such read is written to the audit log; anyone else gets the same FORBIDDEN whatever
 * the reason, so a refusal reveals nothing about the document.
 */
@Injectable()
export class GetIncomingDocument {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
  ) {}

  async execute({ id }: { id: string }, { actor, traceId }: RequestContext): Promise<documents.IncomingDocumentView> {
    if (!hasAnyRole(actor, REGISTER_READERS)) throw GovError.forbidden('you may not read the incoming register');
    const doc = await this.db.incomingDocument.findUnique({
      where: { id },
      include: { history: { orderBy: { seq: 'asc' } } },
    });
    if (!doc) throw GovError.notFound('no such incoming document');
    const classification = doc.classification as Classification;
    if (classification === 'none') return toView(doc);
    if (!readDecision(actor, { classification, needToKnow: doc.needToKnow }).allowed) {
      throw GovError.forbidden('you may not read this document');
    }
    await this.uow.run((tx) =>
      appendAudit(tx, {
        actorId: actor.id,
        actorName: actor.name,
        action: 'incoming.read-classified',
        entityType: 'incoming-document',
        entityId: doc.id,
        details: { classification },
        traceId,
      }),
    );
    return toView(doc);
  }
}

type ListInput = z.infer<typeof documents.listIncoming.input>;
type ListOutput = z.infer<typeof documents.listIncoming.output>;

/**
 * The incoming register. Classified entries appear only to those within their 知悉范围; title search uses
 * the trigram index, so a fragment of a Chinese title (e.g. 老旧小区) finds it.
 */
@Injectable()
export class ListIncomingDocuments {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>) {}

  async execute(input: ListInput, { actor }: RequestContext): Promise<ListOutput> {
    if (!hasAnyRole(actor, REGISTER_READERS)) throw GovError.forbidden('you may not read the incoming register');
    const where = {
      ...(input.year ? { registerYear: input.year } : {}),
      ...(input.titleContains ? { title: { contains: input.titleContains } } : {}),
      OR: [{ classification: 'none' }, { needToKnow: { hasSome: [actor.id, actor.unit] } }],
    };
    const [rows, total] = await Promise.all([
      this.db.incomingDocument.findMany({
        where,
        orderBy: [{ registerYear: 'desc' }, { registerSeq: 'desc' }],
        take: input.limit,
        skip: input.offset,
      }),
      this.db.incomingDocument.count({ where }),
    ]);
    const visible = rows.filter((d) =>
      readDecision(actor, { classification: d.classification as Classification, needToKnow: d.needToKnow }).allowed,
    );
    return { items: visible.map(toSummaryView), total };
  }
}
