import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { appendAudit } from '@gov/persistence';
import { GovError, documents } from '@gov/contracts';
import { CLEARANCES, clearanceAtLeast, hasAnyRole } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, gateClassifiedRead, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DRAFT_INCLUDE, toSummaryView, toView } from './outgoing.mapper.js';
import { ENTITY, NO_SUCH_DRAFT, OUTGOING_SETTINGS, mayRead } from './outgoing.steps.js';
import { OUTGOING_TRANSITIONS } from './outgoing.rules.js';
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
    await gateClassifiedRead(this.uow, { actor, traceId }, {
      entityType: ENTITY,
      auditPrefix: 'outgoing',
      id: doc.id,
      classification: doc.classification,
      allowed: visible,
      notFound: NO_SUCH_DRAFT,
    });
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
        visibleToCaller(actor),
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.outgoingDocument.findMany({ where, orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }], take: input.limit, skip: input.offset }),
      this.db.outgoingDocument.count({ where }),
    ]);
    await auditClassifiedShown(this.uow, rows, 'outgoing.list-classified', { actor, traceId });
    return { items: rows.map((r) => toSummaryView(r, this.settings)), total };
  }
}

/** The classified-visibility filter of the register: unclassified, or within the caller's clearance and 知悉范围. */
function visibleToCaller(actor: RequestContext['actor']): Prisma.OutgoingDocumentWhereInput {
  const coveredLevels = CLEARANCES.filter((level) => level !== 'none' && clearanceAtLeast(actor.clearance, level));
  return {
    OR: [
      { classification: 'none' },
      { classification: { in: coveredLevels }, needToKnow: { hasSome: [actor.id, actor.unit] } },
    ],
  };
}

/** Every classified entry shown in a list is audited, one entry each (the read of classified content is logged). */
async function auditClassifiedShown(
  uow: UnitOfWork<DocumentsTx>,
  rows: readonly { id: string; classification: string }[],
  action: string,
  { actor, traceId }: Pick<RequestContext, 'actor' | 'traceId'>,
): Promise<void> {
  const classified = rows.filter((d) => d.classification !== 'none');
  if (!classified.length) return;
  await uow.run(async (tx) => {
    for (const d of classified) {
      await appendAudit(tx, {
        actorId: actor.id,
        actorName: actor.name,
        action,
        entityType: ENTITY,
        entityId: d.id,
        details: { classification: d.classification },
        traceId,
      });
    }
  });
}

/** The states with at least one row leaving them: a draft held in any other (returned, withdrawn, archived) waits for no one. */
const ACTIVE_STATES = [...new Set(OUTGOING_TRANSITIONS.flatMap((t) => (t.from ? [t.from] : [])))];

/** The table actions leaving `status` that one of the caller's roles may take. */
function actionsFor(actor: RequestContext['actor'], status: string): string[] {
  return [...new Set(OUTGOING_TRANSITIONS.filter((t) => t.from === status && t.roles.some((r) => actor.roles.includes(r))).map((t) => t.action))];
}

type InboxInput = z.infer<typeof documents.outgoingInbox.input>;
type InboxOutput = z.infer<typeof documents.outgoingInbox.output>;

/**
 * What waits for me (发文): drafts I hold (the last one who signed for them, or the one they were handed to, D47)
 * that are still moving, and drafts in a state where a role of mine acts next by the state table (the
 * `nextActions` of the view). The register's read rules apply unchanged: the reader roles, the classified filter
 * in the query (so `total` counts only what I may see), a unit liaison only its own unit's drafts (as the
 * single read: drafted by me or my unit in the 知悉范围), and every classified draft shown is audited
 * (`outgoing.inbox-classified`). Oldest submission first: the longest-waiting draft is on top (DO4).
 */
@Injectable()
export class OutgoingInbox {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(OUTGOING_SETTINGS) private readonly settings: OutgoingSettings,
  ) {}

  async execute(input: InboxInput, { actor, traceId }: RequestContext): Promise<InboxOutput> {
    if (!hasAnyRole(actor, OUTGOING_READERS)) throw GovError.forbidden('you may not read the outgoing register');
    const liaisonOnly = actor.roles.every((r) => r === 'unit-liaison');
    const myStates = ACTIVE_STATES.filter((s) => actionsFor(actor, s).length > 0);
    const where: Prisma.OutgoingDocumentWhereInput = {
      AND: [
        { OR: [{ holderId: actor.id, status: { in: ACTIVE_STATES } }, { status: { in: myStates } }] },
        liaisonOnly ? { OR: [{ draftedById: actor.id }, { needToKnow: { has: actor.unit } }] } : {},
        visibleToCaller(actor),
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.outgoingDocument.findMany({ where, orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }], take: input.limit, skip: input.offset }),
      this.db.outgoingDocument.count({ where }),
    ]);
    await auditClassifiedShown(this.uow, rows, 'outgoing.inbox-classified', { actor, traceId });
    return {
      total,
      items: rows.map((r) => {
        const myActions = actionsFor(actor, r.status);
        const reasons: InboxOutput['items'][number]['reasons'] = [];
        if (r.holderId === actor.id) reasons.push('in-hand');
        if (myActions.length) reasons.push('my-role-acts-next');
        return { reasons, myActions, document: toSummaryView(r, this.settings) };
      }),
    };
  }
}
