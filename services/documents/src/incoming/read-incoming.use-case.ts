import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { appendAudit } from '@gov/persistence';
import { GovError, documents, type Classification } from '@gov/contracts';
import { CLEARANCES, clearanceAtLeast, hasAnyRole } from '@gov/auth';
import { CLOCK, DATABASE, UNIT_OF_WORK, gateClassifiedRead, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import { addCalendarDays, toIsoDate, type Clock } from '@gov/calendar';
import type { Prisma } from '../generated/prisma/client.js';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import { FULL_VIEW, toSummaryView, toView } from './incoming.mapper.js';
import { readDecision } from './incoming.rules.js';

const NO_SUCH_DOCUMENT = () => GovError.notFound('no such incoming document');

/** Office roles that work with the incoming register (the unit liaison of another unit does not). */
const REGISTER_READERS = [
  'clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader',
  'supervisor', 'auditor', 'admin',
] as const;

/**
 * One incoming document with its history and current holder. A classified document is shown only within its
 * 知悉范围 and each such read is written to the audit log. Anyone else gets exactly the answer an unknown id
 * gets (NOT_FOUND), so the refusal itself tells nothing about the document; the refused attempt is audited.
 * (Register numbers and the supervision source register are metadata and still show that a number exists.)
 */
@Injectable()
export class GetIncomingDocument {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id }: { id: string }, { actor, traceId }: RequestContext): Promise<documents.IncomingDocumentView> {
    if (!hasAnyRole(actor, REGISTER_READERS)) throw GovError.forbidden('you may not read the incoming register');
    const doc = await this.db.incomingDocument.findUnique({
      where: { id },
      include: FULL_VIEW,
    });
    const today = toIsoDate(this.clock.now());
    if (!doc) throw NO_SUCH_DOCUMENT();
    const classification = doc.classification as Classification;
    await gateClassifiedRead(this.uow, { actor, traceId }, {
      entityType: 'incoming-document',
      auditPrefix: 'incoming',
      id: doc.id,
      classification,
      allowed: classification === 'none' || readDecision(actor, { classification, needToKnow: doc.needToKnow }).allowed,
      notFound: NO_SUCH_DOCUMENT,
    });
    return toView(doc, today);
  }
}

type ListInput = z.infer<typeof documents.listIncoming.input>;
type ListOutput = z.infer<typeof documents.listIncoming.output>;

/**
 * The incoming register. Classified entries appear only to those within their 知悉范围 whose clearance covers
 * them (the filter is in the query, so `total` counts only what the caller may see), and every classified
 * entry shown is audited. Title search uses the trigram index, so a fragment of a Chinese title (老旧小区)
 * finds it.
 */
@Injectable()
export class ListIncomingDocuments {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: ListInput, { actor, traceId }: RequestContext): Promise<ListOutput> {
    if (!hasAnyRole(actor, REGISTER_READERS)) throw GovError.forbidden('you may not read the incoming register');
    const coveredLevels = CLEARANCES.filter((level) => level !== 'none' && clearanceAtLeast(actor.clearance, level));
    const today = toIsoDate(this.clock.now());
    // A period is Beijing dates: from 00:00 +08:00 of the first day to before 00:00 of the day after the last.
    const registeredAt = {
      ...(input.registeredFrom ? { gte: new Date(`${input.registeredFrom}T00:00:00+08:00`) } : {}),
      ...(input.registeredTo ? { lt: new Date(`${addCalendarDays(input.registeredTo, 1)}T00:00:00+08:00`) } : {}),
    };
    const where: Prisma.IncomingDocumentWhereInput = {
      ...(input.year ? { registerYear: input.year } : {}),
      // ILIKE '%…%' on the title, served by the pg_trgm GIN index incoming_document_title_trgm (Chinese works:
      // trigrams are taken over characters, and LIKE with a 3+ character fragment uses the index)
      ...(input.titleContains ? { title: { contains: input.titleContains, mode: 'insensitive' } } : {}),
      ...(input.registeredFrom || input.registeredTo ? { registeredAt } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.docType ? { docType: input.docType } : {}),
      ...(input.urgency ? { urgency: input.urgency } : {}),
      ...(input.senderUnit ? { senderUnit: input.senderUnit } : {}),
      ...(input.leadUnit ? { leadUnit: input.leadUnit } : {}),
      ...(input.overdueOnly ? { deadline: { lt: today }, completedAt: null } : {}),
      OR: [
        { classification: 'none' },
        { classification: { in: coveredLevels }, needToKnow: { hasSome: [actor.id, actor.unit] } },
      ],
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
    const classified = rows.filter((d) => d.classification !== 'none');
    if (classified.length) {
      await this.uow.run(async (tx) => {
        for (const d of classified) {
          await appendAudit(tx, {
            actorId: actor.id,
            actorName: actor.name,
            action: 'incoming.list-classified',
            entityType: 'incoming-document',
            entityId: d.id,
            details: { classification: d.classification },
            traceId,
          });
        }
      });
    }
    return { items: rows.map((r) => toSummaryView(r, today)), total };
  }
}
