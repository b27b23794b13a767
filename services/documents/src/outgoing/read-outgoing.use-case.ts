import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { appendAudit } from '@gov/persistence';
import { GovError, documents } from '@gov/contracts';
import { CLEARANCES, clearanceAtLeast, hasAnyRole } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DRAFT_INCLUDE, toSummaryView, toView } from './outgoing.mapper.js';
import { ENTITY, NO_SUCH_DRAFT, OUTGOING_SETTINGS, mayRead } from './outgoing.steps.js';
import type { OutgoingSettings } from './outgoing.settings.js';

/** Roles that work with the outgoing register (a unit liaison sees its own unit's drafts only). */
export const OUTGOING_READERS = [
  'clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'legal-officer',
  'secrecy-officer', 'archivist', 'supervisor', 'auditor', 'admin', 'unit-liaison',
] as const;

/**
 * One outgoing document with its full history, sign-offs, opinions and current holder. A classified one is shown
 * only within its clearance and 知悉范围, each read audited; anyone else gets the answer of an unknown id, and
 * the refused attempt is audited. A unit liaison reads only drafts its unit submitted.
 */
@Injectable()
export class GetOutgoingDocument {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(OUTGOING_SETTINGS) private readonly settings: OutgoingSettings,
  ) {}

  async execute({ id }: { id: string }, { actor, traceId }: RequestContext): Promise<documents.OutgoingDocumentView> {
    if (!hasAnyRole(actor, OUTGOING_READERS)) throw GovError.forbidden('you may not read the outgoing register');
    const doc = await this.db.outgoingDocument.findUnique({ where: { id }, include: DRAFT_INCLUDE });
    if (!doc) throw NO_SUCH_DRAFT();
    const liaisonOnly = actor.roles.every((r) => r === 'unit-liaison');
    const visible = mayRead(actor, doc) && (!liaisonOnly || doc.draftedById === actor.id || doc.needToKnow.includes(actor.unit));
    if (doc.classification === 'none' && visible) return toView(doc, this.settings);
    await this.uow.run((tx) =>
      appendAudit(tx, {
        actorId: actor.id,
        actorName: actor.name,
        action: visible ? 'outgoing.read-classified' : 'outgoing.read-refused',
        entityType: ENTITY,
        entityId: doc.id,
        details: visible ? { classification: doc.classification } : {},
        traceId,
      }),
    );
    if (!visible) throw NO_SUCH_DRAFT();
    return toView(doc, this.settings);
  }
}

type ListInput = z.infer<typeof documents.listOutgoing.input>;
type ListOutput = z.infer<typeof documents.listOutgoing.output>;

/**
 * The outgoing register by period (submitted in [from, to)), with filters on state, 文种, issuing name and
 * drafting unit, and Chinese title search on the trigram index. Classified entries outside the caller's clearance
 * or 知悉范围 are filtered in the query (so `total` counts only what the caller may see); each classified entry
 * shown is audited.
 */
@Injectable()
export class ListOutgoingDocuments {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(OUTGOING_SETTINGS) private readonly settings: OutgoingSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Printed (or numbered) before this instant and still not distributed: late against the 24-hour norm. */
  private overdueFilter(): Prisma.OutgoingDocumentWhereInput {
    const cutoff = new Date(this.clock.now().getTime() - this.settings.distributionWithin.amount * 3600_000);
    const start = this.settings.distributionClockStartsAt === 'printed' ? 'printedAt' : 'numberedAt';
    return { [start]: { lt: cutoff }, distributedAt: null, status: { notIn: ['withdrawn', 'archived', 'distributed'] } };
  }

  async execute(input: ListInput, { actor, traceId }: RequestContext): Promise<ListOutput> {
    if (!hasAnyRole(actor, OUTGOING_READERS)) throw GovError.forbidden('you may not read the outgoing register');
    const coveredLevels = CLEARANCES.filter((level) => level !== 'none' && clearanceAtLeast(actor.clearance, level));
    const liaisonOnly = actor.roles.every((r) => r === 'unit-liaison');
    const where: Prisma.OutgoingDocumentWhereInput = {
      AND: [
        input.from || input.to
          ? { submittedAt: { ...(input.from ? { gte: new Date(input.from) } : {}), ...(input.to ? { lt: new Date(input.to) } : {}) } }
          : {},
        input.status ? { status: input.status } : {},
        input.docType ? { docType: input.docType } : {},
        input.issuingName ? { issuingName: input.issuingName } : {},
        input.draftingUnit ? { draftingUnit: input.draftingUnit } : {},
        input.titleContains ? { title: { contains: input.titleContains } } : {},
        liaisonOnly ? { draftedById: actor.id } : {},
        input.distributionOverdue ? this.overdueFilter() : {},
        {
          OR: [
            { classification: 'none' },
            { classification: { in: coveredLevels }, needToKnow: { hasSome: [actor.id, actor.unit] } },
          ],
        },
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.outgoingDocument.findMany({ where, orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }], take: input.limit, skip: input.offset }),
      this.db.outgoingDocument.count({ where }),
    ]);
    const classified = rows.filter((d) => d.classification !== 'none');
    if (classified.length) {
      await this.uow.run(async (tx) => {
        for (const d of classified) {
          await appendAudit(tx, {
            actorId: actor.id,
            actorName: actor.name,
            action: 'outgoing.list-classified',
            entityType: ENTITY,
            entityId: d.id,
            details: { classification: d.classification },
            traceId,
          });
        }
      });
    }
    return { items: rows.map((r) => toSummaryView(r, this.settings)), total };
  }
}
