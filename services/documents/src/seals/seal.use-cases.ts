import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { hasAnyRole, type Role } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import { GovError, documents, toHistoryEntry } from '@gov/contracts';
import { CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import type { Prisma, SealRequest, SealRequestHistory } from '../generated/prisma/client.js';
import type { LeaderPost } from '../outgoing/signer.rules.js';
import {
  assertIsKeeper,
  reviewSealRequest,
  sealRegisterEntry,
  type SealKind,
  type SealPurpose,
  type SealRefusal,
  type SealSettings,
  type SealUseRequest,
} from './seal-use.rules.js';
import { nextSealState, type SealRequestAction, type SealRequestState } from './seal-use.states.js';

/** Seal settings, injected so a deployment can choose the looser government-seal reading (D22). */
export const SEAL_SETTINGS = Symbol('SEAL_SETTINGS');

type Db = InstanceType<typeof DocumentsDatabase>;
type View = documents.SealRequestView;
type Row = SealRequest & { history?: SealRequestHistory[] };
const ENTITY = 'seal-request';
const WITH_HISTORY = { history: { orderBy: { seq: 'asc' as const } } };
const noSuchRequest = () => GovError.notFound('no such seal request');

/** Who keeps the seal records and the approvers' posts (reference data). */
const REFERENCE_KEEPERS: readonly Role[] = ['director', 'admin'];
/** Who may read requests and the register: the office's staff who handle seals, its leaders, the auditor. */
const SEAL_READERS: readonly Role[] = ['clerk', 'section-chief', 'deputy-director', 'director', 'auditor', 'secrecy-officer', 'admin'];

function refusalsOf(row: SealRequest): SealRefusal[] {
  return Array.isArray(row.refusals) ? (row.refusals as unknown as SealRefusal[]) : [];
}

function toView(row: Row): View {
  return {
    id: row.id,
    seal: row.seal as SealKind,
    purpose: row.purpose as SealPurpose,
    purposeText: row.purposeText,
    documentTitle: row.documentTitle,
    impressions: row.impressions,
    area: row.area,
    requester: { id: row.requesterId, name: row.requesterName },
    state: row.state as SealRequestState,
    approval:
      row.approverId && row.approvedAt
        ? { approverId: row.approverId, approverName: row.approverName ?? '', approvalText: row.approvalText ?? '', approvedAt: row.approvedAt.toISOString() }
        : null,
    doubtful: row.doubtful,
    confirmation: row.confirmedAt ? { byName: row.confirmedByName ?? '', at: row.confirmedAt.toISOString() } : null,
    refusals: refusalsOf(row),
    history: (row.history ?? []).map(toHistoryEntry),
  };
}

/** The row as the keeper's rule reads it. */
function toRuleRequest(row: SealRequest, doubtful: boolean): SealUseRequest {
  return {
    seal: row.seal as SealKind,
    purpose: row.purpose as SealPurpose,
    purposeText: row.purposeText,
    documentTitle: row.documentTitle,
    impressions: row.impressions,
    requesterId: row.requesterId,
    area: row.area,
    approval:
      row.approverId && row.approvedAt
        ? {
            approver: { id: row.approverId, name: row.approverName ?? '', posts: row.approverPosts as LeaderPost[], portfolios: row.approverPortfolios },
            approvalText: row.approvalText ?? '',
            approvedAt: row.approvedAt,
          }
        : null,
    doubtful,
    confirmation: row.confirmedAt && row.confirmedById ? { byId: row.confirmedById, byRoles: row.confirmedByRoles as Role[], at: row.confirmedAt } : null,
  };
}

const EVENTS: Partial<Record<SealRequestAction, typeof documents.sealUseStamped>> = {
  request: documents.sealUseRequested,
  approve: documents.sealUseApproved,
  stamp: documents.sealUseStamped,
  refuse: documents.sealUseRefused,
  query: documents.sealUseQueried,
};

abstract class SealStep {
  constructor(
    protected readonly db: Db,
    protected readonly uow: UnitOfWork<DocumentsTx>,
    protected readonly clock: Clock,
  ) {}

  protected async load(id: string): Promise<Row> {
    const row = await this.db.sealRequest.findUnique({ where: { id } });
    if (!row) throw noSuchRequest();
    return row;
  }

  protected async apply(
    row: Row,
    context: RequestContext,
    change: {
      action: SealRequestAction;
      to: SealRequestState;
      data: Prisma.SealRequestUpdateManyMutationInput;
      reason?: string | null;
      details?: Record<string, unknown>;
      reasons?: SealRefusal[];
    },
    extra?: (tx: DocumentsTx, now: Date) => Promise<void>,
  ): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const after = await this.uow.run(async (tx) => {
      const res = await tx.sealRequest.updateMany({ where: { id: row.id, version: row.version }, data: { ...change.data, state: change.to, version: { increment: 1 } } });
      if (res.count !== 1) throw GovError.conflict('the request changed meanwhile; reload and try again');
      await tx.sealRequestHistory.create({
        data: {
          requestId: row.id,
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          action: change.action,
          fromState: row.state,
          toState: change.to,
          reason: change.reason ?? null,
          details: { ...(change.details ?? {}), ...(change.reasons ? { reasons: change.reasons.map((r) => r.code) } : {}) } as Prisma.InputJsonValue,
        },
      });
      if (extra) await extra(tx, now);
      const contract = EVENTS[change.action];
      await recordChange(tx, context, {
        at: now,
        entityType: ENTITY,
        entityId: row.id,
        action: `seal.${change.action}`,
        details: { from: row.state, to: change.to, ...(change.details ?? {}), ...(change.reasons ? { reasons: change.reasons.map((r) => r.code) } : {}) },
        event: contract && {
          contract,
          data: {
            requestId: row.id,
            seal: row.seal as SealKind,
            purpose: row.purpose as SealPurpose,
            impressions: row.impressions,
            state: change.to,
            by: actor.id,
            at: now.toISOString(),
            reasons: (change.reasons ?? []).map((r) => r.code),
          },
        },
      });
      return tx.sealRequest.findUniqueOrThrow({ where: { id: row.id }, include: WITH_HISTORY });
    });
    return toView(after);
  }
}

/** Records a seal and its keepers (seed 001 L219: 专人保管). Reference data: director or admin. */
@Injectable()
export class RegisterSeal {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof documents.registerSeal.input>, context: RequestContext) {
    if (!hasAnyRole(context.actor, REFERENCE_KEEPERS)) throw GovError.forbidden('seal records are kept by the office director');
    const now = this.clock.now();
    const keeperIds = [...new Set(input.keeperIds)];
    return this.uow.run(async (tx) => {
      const seal = await tx.seal.upsert({
        where: { kind: input.kind },
        create: { kind: input.kind, name: input.name, keeperIds, updatedAt: now },
        update: { name: input.name, keeperIds, updatedAt: now },
      });
      await recordChange(tx, context, { at: now, entityType: 'seal', entityId: input.kind, action: 'seal.register', details: { name: input.name, keeperIds } });
      return { kind: seal.kind as SealKind, name: seal.name, keeperIds: seal.keeperIds };
    });
  }
}

/** Records a leader's posts and areas in charge (分管), which the approval table reads. Director or admin. */
@Injectable()
export class RegisterSealApprover {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof documents.registerSealApprover.input>, context: RequestContext) {
    if (!hasAnyRole(context.actor, REFERENCE_KEEPERS)) throw GovError.forbidden('the approvers’ posts are kept by the office director');
    const now = this.clock.now();
    return this.uow.run(async (tx) => {
      const row = await tx.sealApprover.upsert({
        where: { userId: input.userId },
        create: { userId: input.userId, name: input.name, posts: input.posts, portfolios: input.portfolios, updatedAt: now },
        update: { name: input.name, posts: input.posts, portfolios: input.portfolios, updatedAt: now },
      });
      await recordChange(tx, context, { at: now, entityType: 'seal-approver', entityId: input.userId, action: 'seal.register-approver', details: { posts: input.posts, portfolios: input.portfolios } });
      return { userId: row.userId, name: row.name, posts: row.posts as LeaderPost[], portfolios: row.portfolios };
    });
  }
}

/** 用印申请: the handler names the seal, the purpose (category and words), the document and the impressions. */
@Injectable()
export class RequestSealUse {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof documents.requestSealUse.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const to = nextSealState(null, 'request', actor);
    const now = this.clock.now();
    const id = randomUUID();
    const row = await this.uow.run(async (tx) => {
      const created = await tx.sealRequest.create({
        data: {
          id,
          seal: input.seal,
          purpose: input.purpose,
          purposeText: input.purposeText,
          documentTitle: input.documentTitle,
          impressions: input.impressions,
          area: input.area ?? null,
          requesterId: actor.id,
          requesterName: actor.name,
          state: to,
          approverPosts: [],
          approverPortfolios: [],
          confirmedByRoles: [],
          requestedAt: now,
          history: { create: [{ at: now, actorId: actor.id, actorName: actor.name, action: 'request', fromState: null, toState: to, details: {} }] },
        },
        include: WITH_HISTORY,
      });
      await recordChange(tx, context, {
        at: now,
        entityType: ENTITY,
        entityId: id,
        action: 'seal.request',
        details: { seal: input.seal, purpose: input.purpose, impressions: input.impressions },
        event: {
          contract: documents.sealUseRequested,
          data: { requestId: id, seal: input.seal, purpose: input.purpose, impressions: input.impressions, state: to, by: actor.id, at: now.toISOString(), reasons: [] },
        },
      });
      return created;
    });
    return toView(row);
  }
}

/**
 * 批准: a leader writes the approval. Their posts and areas are taken from the approvers' record as they stand now
 * and kept with the request; a leader without a record approves with no posts, which the keeper then refuses.
 */
@Injectable()
export class ApproveSealUse extends SealStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }

  async execute(input: z.infer<typeof documents.approveSealUse.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const row = await this.load(input.id);
    const to = nextSealState(row.state as SealRequestState, 'approve', actor);
    const approver = await this.db.sealApprover.findUnique({ where: { userId: actor.id } });
    return this.apply(row, context, {
      action: 'approve',
      to,
      data: {
        approverId: actor.id,
        approverName: actor.name,
        approverPosts: approver?.posts ?? [],
        approverPortfolios: approver?.portfolios ?? [],
        approvalText: input.approvalText,
        approvedAt: this.clock.now(),
      },
      details: { posts: approver?.posts ?? [] },
    });
  }
}

/**
 * 审核用印 by the seal's keeper (seed 001 L219, L229–235): the decision of `reviewSealRequest`. Compliant: stamped and
 * entered in the register in the same transaction. Not compliant: refused with every reason (kept on the request,
 * in the history and the event). Doubtful: queried until an office leader confirms. The keeper's decision is the
 * outcome of the review, recorded; it is not a refusal of the keeper's own action.
 */
@Injectable()
export class ReviewSealUse extends SealStep {
  constructor(
    @Inject(DATABASE) db: Db,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(SEAL_SETTINGS) private readonly settings: SealSettings,
  ) {
    super(db, uow, clock);
  }

  async execute(input: z.infer<typeof documents.reviewSealUse.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const row = await this.load(input.id);
    const seal = await this.db.seal.findUnique({ where: { kind: row.seal } });
    if (!seal) throw GovError.conflict('this seal is not on record with its keeper; the director records it first');
    assertIsKeeper(actor, { kind: row.seal as SealKind, keeperIds: seal.keeperIds });
    const doubtful = row.doubtful || input.doubtful;
    const request = toRuleRequest(row, doubtful);
    const review = reviewSealRequest(request, this.settings);
    const action: SealRequestAction = review.decision === 'stamp' ? 'stamp' : review.decision === 'refuse' ? 'refuse' : 'query';
    const to = nextSealState(row.state as SealRequestState, action, actor);
    const reasons = review.decision === 'stamp' ? [] : review.reasons;
    const now = this.clock.now();
    return this.apply(
      row,
      context,
      { action, to, data: { doubtful, refusals: reasons as unknown as Prisma.InputJsonValue }, reason: input.note ?? null, reasons },
      action === 'stamp'
        ? async (tx) => {
            const entry = sealRegisterEntry(request, now, actor.name, this.settings);
            await tx.sealRegisterEntry.create({ data: { id: randomUUID(), requestId: row.id, ...entry, handlerId: actor.id, stampedAt: now } });
          }
        : undefined,
    );
  }
}

/** An office leader confirms a request the keeper doubted (seed 001 L233, D23). */
@Injectable()
export class ConfirmSealUse extends SealStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }

  async execute(input: z.infer<typeof documents.confirmSealUse.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const row = await this.load(input.id);
    const to = nextSealState(row.state as SealRequestState, 'confirm', actor);
    return this.apply(row, context, {
      action: 'confirm',
      to,
      data: { confirmedById: actor.id, confirmedByName: actor.name, confirmedByRoles: actor.roles, confirmedAt: this.clock.now() },
      reason: input.note,
    });
  }
}

/** One request: its requester, the keepers' posts and the office's leaders and auditor. */
@Injectable()
export class GetSealRequest {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async execute({ id }: { id: string }, { actor }: RequestContext): Promise<View> {
    const row = await this.db.sealRequest.findUnique({ where: { id }, include: WITH_HISTORY });
    if (!row) throw noSuchRequest();
    if (row.requesterId !== actor.id && row.approverId !== actor.id && !hasAnyRole(actor, SEAL_READERS)) throw GovError.forbidden('you may not read this seal request');
    return toView(row);
  }
}

/** 印章使用登记簿 by period (Beijing dates, inclusive) and seal. */
@Injectable()
export class ReadSealRegister {
  constructor(@Inject(DATABASE) private readonly db: Db) {}

  async execute(input: z.infer<typeof documents.sealRegister.input>, { actor }: RequestContext): Promise<z.infer<typeof documents.sealRegister.output>> {
    if (!hasAnyRole(actor, SEAL_READERS)) throw GovError.forbidden('you may not read the seal register');
    if (input.to < input.from) throw GovError.badInput('the period ends before it starts', { field: 'to' });
    const rows = await this.db.sealRegisterEntry.findMany({
      where: { date: { gte: input.from, lte: input.to }, ...(input.seal ? { seal: input.seal } : {}) },
      orderBy: [{ stampedAt: 'asc' }],
    });
    const items = rows.map((r) => ({
      id: r.id,
      requestId: r.requestId,
      date: r.date,
      seal: r.seal as SealKind,
      purpose: r.purpose,
      purposeCategory: r.purposeCategory as SealPurpose,
      documentTitle: r.documentTitle,
      approverName: r.approverName,
      approvalText: r.approvalText,
      impressions: r.impressions,
      handlerName: r.handlerName,
      stampedAt: r.stampedAt.toISOString(),
    }));
    return { items, totalImpressions: items.reduce((n, i) => n + i.impressions, 0) };
  }
}

