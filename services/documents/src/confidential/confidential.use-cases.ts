import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { CLEARANCES, clearanceAtLeast, hasAnyRole, type Actor, type Role } from '@gov/auth';
import { toIsoDate, type Clock, type IsoDate } from '@gov/calendar';
import { GovError, documents, type Classification, type EventContract } from '@gov/contracts';
import type { CalendarStore } from '@gov/messaging';
import { allocateYearNumber } from '@gov/persistence';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { CONFIDENTIAL_SETTINGS, assertMayKnow, assertUpdated, auditClassifiedRead, noSuchConfidential } from './confidential-access.js';
import { storedInstructions, toRuleDocument, toSummaryView, toView, type ConfidentialRow, type StoredInstruction } from './confidential.mapper.js';
import {
  assertMayCopy,
  topSecretCheckAlert,
  assertCompleteReturn,
  assertConfidentialRegistration,
  assertMayArchiveConfidential,
  assertMayCarry,
  assertMayWriteProposal,
  assertProposalWritten,
  nextConfidentialState,
  returnDueAtRegistration,
  returnStatus,
  type ConfidentialAction,
  type ConfidentialState,
} from './confidential.rules.js';
import type { ConfidentialSettings } from './confidential.settings.js';
import { assertCipherDestruction, assertTelegramMatchesList } from './telegram.rules.js';

type View = documents.ConfidentialDocumentView;

/** 机要收文〔YYYY〕N号: the confidential register's own sequence (confidential/README.md C2). */
export const CONFIDENTIAL_REGISTER_PREFIX = '机要收文';

/** Posts that may open the confidential register at all; record-level access is clearance and need-to-know. */
export const CONFIDENTIAL_READERS: readonly Role[] = [
  'confidential-clerk', 'secrecy-officer', 'director', 'deputy-director', 'district-leader', 'section-chief', 'unit-liaison', 'archivist', 'auditor',
];

const ENTITY = 'confidential-document';
const WITH_HISTORY = { history: { orderBy: { seq: 'asc' as const } } };

/** The shared steps of every change to a confidential document: load, know-check, rules, versioned update, history, audit, event. */
abstract class ConfidentialStep {
  constructor(
    protected readonly db: InstanceType<typeof DocumentsDatabase>,
    protected readonly uow: UnitOfWork<DocumentsTx>,
    protected readonly clock: Clock,
    protected readonly settings: ConfidentialSettings,
  ) {}

  protected async load(id: string, context: RequestContext): Promise<ConfidentialRow> {
    const row = await this.db.confidentialDocument.findUnique({ where: { id } });
    if (!row) throw noSuchConfidential();
    await assertMayKnow(this.uow, context.actor, context.traceId, row, ENTITY, noSuchConfidential);
    return row;
  }

  protected async apply(
    row: ConfidentialRow,
    context: RequestContext,
    change: {
      /** a row of the table, or a step that leaves the state as it is (copy, top-secret check) */
      action: ConfidentialAction | 'copy' | 'check' | 'approve-destruction' | 'witness-destruction';
      to: ConfidentialState;
      data: Prisma.ConfidentialDocumentUpdateManyMutationInput;
      reason?: string | null;
      details?: Record<string, unknown>;
      holderId?: string;
      /** absent for a step others need not hear of (progress notes): audited only */
      event?: EventContract<typeof documents.confidentialCarried.data>;
    },
  ): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const updated = await this.uow.run(async (tx) => {
      assertUpdated(
        await tx.confidentialDocument.updateMany({
          where: { id: row.id, version: row.version },
          data: { ...change.data, state: change.to, version: { increment: 1 } },
        }),
      );
      await tx.confidentialDocumentHistory.create({
        data: {
          documentId: row.id,
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          action: change.action,
          fromState: row.state,
          toState: change.to,
          reason: change.reason ?? null,
          details: (change.details ?? {}) as Prisma.InputJsonValue,
        },
      });
      const after = await tx.confidentialDocument.findUniqueOrThrow({ where: { id: row.id }, include: WITH_HISTORY });
      await recordChange(tx, context, {
        at: now,
        entityType: ENTITY,
        entityId: row.id,
        action: `confidential.${change.action}`,
        details: { from: row.state, to: change.to, ...(change.details ?? {}) },
        event: change.event && {
          contract: change.event,
          data: {
            documentId: row.id,
            registerNumber: row.registerNumber,
            classification: row.classification as Classification,
            fromState: row.state as ConfidentialState,
            toState: change.to,
            holderId: after.holderId,
            by: actor.id,
            at: now.toISOString(),
          },
        },
      });
      return after;
    });
    return toView(updated, toIsoDate(now));
  }
}

type Db = InstanceType<typeof DocumentsDatabase>;

/**
 * 签收登记 of a 机要文件 or a received telegram by the confidential clerk (seed 004 L30; seed 000 L1028: counted
 * item by item; L1062: a telegram is checked against the sender's sign-for list before it is signed for). A
 * document to be returned is registered with its return date (RULES.md D25).
 */
@Injectable()
export class RegisterConfidentialDocument {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(CONFIDENTIAL_SETTINGS) private readonly settings: ConfidentialSettings,
  ) {}

  async execute(input: z.infer<typeof documents.RegisterConfidentialInputSchema>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const today = toIsoDate(now);
    const receivedAt = new Date(input.receivedAt);
    if (receivedAt.getTime() > now.getTime() + 5 * 60_000) throw GovError.badInput('收文时间 lies in the future', { field: 'receivedAt' });
    const received = nextConfidentialState(null, 'receive', actor);
    const registered = nextConfidentialState(received, 'register', actor);
    if (!clearanceAtLeast(actor.clearance, input.classification)) throw GovError.forbidden('your clearance does not cover this document');
    assertConfidentialRegistration({
      senderUnit: input.senderUnit,
      receivedAt,
      title: input.title,
      classification: input.classification,
      urgency: input.urgency,
      deadline: (input.deadline as IsoDate | undefined) ?? null,
      items: input.items,
    });
    if (input.kind === 'telegram') {
      if (!input.telegram) throw GovError.badInput('a received telegram records its channel, number and the sign-for list line', { field: 'telegram' });
      const t = input.telegram;
      assertTelegramMatchesList({ number: t.number, copies: input.items, pages: input.pages, priority: t.priority, qualityOk: t.qualityOk }, t.listed);
    } else if (input.telegram) {
      throw GovError.badInput('only a telegram has telegram details', { field: 'telegram' });
    }
    const returnDue = returnDueAtRegistration(
      { mustReturn: input.mustReturn, returnDue: (input.returnDue as IsoDate | undefined) ?? null },
      today,
      this.settings,
      this.calendars.calendar,
    );
    const designatedHandlerId = input.classification === 'top-secret' ? (input.designatedHandlerId ?? actor.id) : null;
    const needToKnow = [...new Set([actor.id, ...input.needToKnow, ...(designatedHandlerId ? [designatedHandlerId] : [])])];
    const id = randomUUID();

    const row = await this.uow.run(async (tx) => {
      const number = await allocateYearNumber(tx, { prefix: CONFIDENTIAL_REGISTER_PREFIX, at: now, entityType: ENTITY, entityId: id, issuedBy: actor.id });
      const created = await tx.confidentialDocument.create({
        data: {
          id,
          registerNumber: number.formatted,
          registerYear: number.year,
          registerSeq: number.value,
          kind: input.kind,
          channel: input.telegram?.channel ?? null,
          telegramNumber: input.telegram?.number ?? null,
          title: input.title,
          senderUnit: input.senderUnit,
          senderDocNumber: input.senderDocNumber ?? null,
          classification: input.classification,
          urgency: input.urgency,
          deadline: input.deadline ?? null,
          items: input.items,
          pages: input.pages,
          receivedAt,
          registeredAt: now,
          registeredById: actor.id,
          state: registered,
          holderId: actor.id,
          holderName: actor.name,
          needToKnow,
          designatedHandlerId,
          proposalByRoles: [],
          mustReturn: input.mustReturn,
          returnDue,
          history: {
            create: [
              { at: receivedAt, actorId: actor.id, actorName: actor.name, action: 'receive', fromState: null, toState: received, details: { items: input.items, pages: input.pages } },
              { at: now, actorId: actor.id, actorName: actor.name, action: 'register', fromState: received, toState: registered, details: { registerNumber: number.formatted } },
            ],
          },
        },
        include: WITH_HISTORY,
      });
      await recordChange(tx, context, {
        at: now,
        entityType: ENTITY,
        entityId: id,
        action: 'confidential.register',
        details: { registerNumber: number.formatted, classification: input.classification, kind: input.kind },
        event: {
          contract: documents.confidentialRegistered,
          data: {
            documentId: id,
            registerNumber: number.formatted,
            kind: input.kind,
            channel: input.telegram?.channel ?? null,
            classification: input.classification,
            senderUnit: input.senderUnit,
            mustReturn: input.mustReturn,
            returnDue,
            registeredAt: now.toISOString(),
            registeredBy: actor.id,
          },
        },
      });
      return created;
    });
    return toView(row, today);
  }
}

/**
 * 拟办: the office director writes the proposed handling before anything moves (seed 004 L30; RULES.md D24),
 * naming who receives it: they join the need-to-know list, and the clerk may carry it only to them.
 */
@Injectable()
export class WriteConfidentialProposal extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.writeConfidentialProposal.input>, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    assertMayWriteProposal(context.actor, input.text, this.settings);
    const to = nextConfidentialState(row.state as ConfidentialState, 'write-proposal', context.actor);
    const { actor } = context;
    return this.apply(row, context, {
      action: 'write-proposal',
      to,
      data: {
        proposalText: input.text,
        proposalById: actor.id,
        proposalByName: actor.name,
        proposalByRoles: actor.roles,
        proposalAt: this.clock.now(),
        needToKnow: [...new Set([...row.needToKnow, ...input.readers])],
      },
      details: { readers: input.readers },
      event: documents.confidentialProposalWritten,
    });
  }
}

/**
 * Carrying (传递): only the confidential clerk (a 绝密 document only its designated handler), only after the
 * director's proposal (seed 004 L30–32), and only to someone on its need-to-know list. The recipient signs for it
 * and becomes the holder.
 */
@Injectable()
export class CarryConfidentialDocument extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.carryConfidential.input>, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    const doc = toRuleDocument(row);
    assertMayCarry(context.actor, doc);
    assertProposalWritten(doc, this.settings);
    const to = nextConfidentialState(row.state as ConfidentialState, input.to === 'leader' ? 'carry-to-leader' : 'carry-to-unit', context.actor);
    if (!row.needToKnow.includes(input.recipientId)) {
      throw GovError.conflict('the recipient is not on the need-to-know list the proposed handling names (知悉范围)', { recipientId: input.recipientId });
    }
    return this.apply(row, context, {
      action: input.to === 'leader' ? 'carry-to-leader' : 'carry-to-unit',
      to,
      data: { holderId: input.recipientId, holderName: input.recipientName },
      details: { recipientId: input.recipientId, recipientName: input.recipientName },
      event: documents.confidentialCarried,
    });
  }
}

/** 批示: the district leader holding the document writes the instruction, kept verbatim (seed 004 L32–34). */
@Injectable()
export class InstructConfidentialDocument extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.instructConfidential.input>, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    const to = nextConfidentialState(row.state as ConfidentialState, 'instruct', context.actor);
    if (row.holderId !== context.actor.id) throw GovError.conflict('the document is not with you: the leader holding it writes the instruction');
    const { actor } = context;
    const entry: StoredInstruction = { text: input.text, byId: actor.id, byName: actor.name, at: this.clock.now().toISOString() };
    return this.apply(row, context, {
      action: 'instruct',
      to,
      data: { instructions: [...storedInstructions(row), entry] as unknown as Prisma.InputJsonValue },
      event: documents.confidentialInstructed,
    });
  }
}

/** 承办 progress from the unit holding the document (seed 004 L36). */
@Injectable()
export class ReportConfidentialProgress extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.reportConfidentialProgress.input>, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    const to = nextConfidentialState(row.state as ConfidentialState, 'report-progress', context.actor);
    const { actor } = context;
    if (!actor.roles.includes('confidential-clerk') && row.holderId !== actor.id && row.holderId !== actor.unit) {
      throw GovError.conflict('only the unit holding the document reports its progress');
    }
    return this.apply(row, context, { action: 'report-progress', to, data: {}, reason: input.note });
  }
}

/** 回收: the confidential clerk takes it back after handling, every item and page of it (seed 004 L38; seed 000 L1028). */
@Injectable()
export class RecoverConfidentialDocument extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.recoverConfidential.input>, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    assertMayCarry(context.actor, toRuleDocument(row));
    const to = nextConfidentialState(row.state as ConfidentialState, 'recover', context.actor);
    // approved copies are controlled like originals (seed 002 L104): they come back with them (pages: of the originals)
    assertCompleteReturn({ items: row.items + row.copiesMade, pages: row.pages }, { items: input.items, pages: input.pages });
    return this.apply(row, context, {
      action: 'recover',
      to,
      data: { holderId: context.actor.id, holderName: context.actor.name },
      details: { items: input.items, pages: input.pages, from: row.holderId },
      event: documents.confidentialRecovered,
    });
  }
}

/** 清退: back to the sender complete (seed 004 L40), recorded against the due date (late returns stay visible). */
@Injectable()
export class ReturnConfidentialDocument extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.returnConfidential.input>, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    assertMayCarry(context.actor, toRuleDocument(row));
    const to = nextConfidentialState(row.state as ConfidentialState, 'return-to-sender', context.actor);
    assertCompleteReturn({ items: row.items, pages: row.pages }, { items: input.items, pages: input.pages });
    const now = this.clock.now();
    const status = returnStatus({ mustReturn: true, returnDue: row.returnDue as IsoDate | null, returnedAt: now }, toIsoDate(now));
    return this.apply(row, context, {
      action: 'return-to-sender',
      to,
      data: { returnedAt: now, holderId: row.senderUnit, holderName: row.senderUnit },
      details: { items: input.items, pages: input.pages, returnDue: row.returnDue, status },
      event: documents.confidentialReturned,
    });
  }
}

/** 归档: only what need not go back to its sender (seed 004 L38 vs L40, RULES.md D26). */
@Injectable()
export class ArchiveConfidentialDocument extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: { id: string }, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    const to = nextConfidentialState(row.state as ConfidentialState, 'archive', context.actor);
    assertMayArchiveConfidential(row);
    return this.apply(row, context, { action: 'archive', to, data: {}, event: documents.confidentialArchived });
  }
}

/**
 * 复印 (seed 002 L104; seed 003 L13@c9517–9616; D27): 绝密 documents and cipher telegrams never; 机密/秘密 with the
 * approval of the setting's approver (the director), who orders it here. Copies are registered and controlled
 * like originals: the recovery then counts them.
 */
@Injectable()
export class CopyConfidentialDocument extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.copyConfidential.input>, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    const { actor } = context;
    assertMayCopy(
      {
        classification: row.classification as Classification,
        isCipherTelegram: row.kind === 'telegram' && row.channel === 'cipher',
        approval: { byRoles: actor.roles, at: this.clock.now() },
      },
      this.settings,
    );
    if (['returned', 'archived'].includes(row.state)) throw GovError.conflict('the document is no longer here to copy');
    return this.apply(row, context, {
      action: 'copy',
      to: row.state as ConfidentialState,
      data: { copiesMade: { increment: input.copies } },
      reason: input.reason,
      details: { copies: input.copies, copiesMade: row.copiesMade + input.copies },
    });
  }
}

interface StoredDestructionApproval {
  byId: string;
  byName: string;
  byRoles: Role[];
  text: string;
  signedAt: string;
}
interface StoredWitness {
  id: string;
  name: string;
  roles: Role[];
  at: string;
}

/** Only a recovered cipher telegram that need not be returned or filed is destroyed (seed 000 L1090). CONFLICT. */
function assertDestroyable(row: ConfidentialRow): void {
  if (row.kind !== 'telegram' || row.channel !== 'cipher') throw GovError.conflict('only cipher telegrams not to be archived are destroyed here');
  if (row.mustReturn) throw GovError.conflict('this telegram goes back to its sender, it is not destroyed');
  if (row.state !== 'recovered') throw GovError.conflict('a telegram is destroyed after it is recovered');
}

/** 核准签字 by the leader in charge (seed 000 L1090): director, deputy director or a district leader. */
@Injectable()
export class ApproveCipherDestruction extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.approveCipherDestruction.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, ['director', 'deputy-director', 'district-leader'])) throw GovError.forbidden('the leader in charge approves a destruction (主管领导核准签字)');
    const row = await this.load(input.id, context);
    assertDestroyable(row);
    const approval: StoredDestructionApproval = { byId: actor.id, byName: actor.name, byRoles: actor.roles, text: input.text, signedAt: this.clock.now().toISOString() };
    return this.apply(row, context, {
      action: 'approve-destruction',
      to: row.state as ConfidentialState,
      data: { destructionApproval: approval as unknown as Prisma.InputJsonValue },
      reason: input.text,
    });
  }
}

/** 监销: a secrecy-bureau staff member signs as witness (seed 000 L1090: 保密局两人监销); once each. */
@Injectable()
export class WitnessCipherDestruction extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, ['secrecy-officer', 'confidential-clerk'])) throw GovError.forbidden('destruction is witnessed by secrecy-bureau staff');
    const row = await this.load(input.id, context);
    assertDestroyable(row);
    const witnesses = (row.destructionWitnesses as unknown as StoredWitness[]) ?? [];
    if (witnesses.some((w) => w.id === actor.id)) throw GovError.conflict('you have already signed as witness');
    const next = [...witnesses, { id: actor.id, name: actor.name, roles: actor.roles, at: this.clock.now().toISOString() }];
    return this.apply(row, context, {
      action: 'witness-destruction',
      to: row.state as ConfidentialState,
      data: { destructionWitnesses: next as unknown as Prisma.InputJsonValue },
    });
  }
}

/**
 * 销毁 (seed 000 L1090; SCENARIOS seed000-b #12): refused (CONFLICT) without the leader's signed approval or with
 * fewer distinct secrecy-bureau witnesses than the setting (2, D30).
 */
@Injectable()
export class DestroyConfidentialDocument extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: { id: string }, context: RequestContext): Promise<View> {
    const row = await this.load(input.id, context);
    const to = nextConfidentialState(row.state as ConfidentialState, 'destroy', context.actor);
    assertDestroyable(row);
    const approval = row.destructionApproval as unknown as StoredDestructionApproval | null;
    const witnesses = (row.destructionWitnesses as unknown as StoredWitness[]) ?? [];
    assertCipherDestruction(
      {
        approval: approval ? { byRoles: approval.byRoles, signedAt: new Date(approval.signedAt) } : null,
        witnesses: witnesses.map((w) => ({ id: w.id, roles: w.roles })),
      },
      this.settings,
    );
    return this.apply(row, context, {
      action: 'destroy',
      to,
      data: {},
      details: { approvedBy: approval!.byId, witnesses: witnesses.map((w) => w.id) },
      event: documents.confidentialDestroyed,
    });
  }
}

/** Who checks a 绝密 document's progress: the bureau head (局负责人, seed 000 L1040), here the secrecy officer, or the director. */
const TOP_SECRET_CHECKERS: readonly Role[] = ['secrecy-officer', 'director'];
const IN_PROGRESS: ConfidentialState[] = ['registered', 'proposal-written', 'with-leader', 'with-unit', 'recovered'];

/** Logs one progress check of a 绝密 document (seed 000 L1040: 每天跟踪检查不得少于二次). */
@Injectable()
export class CheckTopSecretDocument extends ConfidentialStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock, @Inject(CONFIDENTIAL_SETTINGS) s: ConfidentialSettings) {
    super(db, uow, clock, s);
  }

  async execute(input: z.infer<typeof documents.checkTopSecret.input>, context: RequestContext): Promise<View> {
    if (!hasAnyRole(context.actor, TOP_SECRET_CHECKERS)) throw GovError.forbidden('the bureau head checks 绝密 documents');
    const row = await this.load(input.id, context);
    if (row.classification !== 'top-secret') throw GovError.conflict('progress checks are kept for 绝密 documents');
    if (!IN_PROGRESS.includes(row.state as ConfidentialState)) throw GovError.conflict('the document is no longer in progress');
    return this.apply(row, context, { action: 'check', to: row.state as ConfidentialState, data: {}, reason: input.note ?? null });
  }
}

/**
 * 绝密 documents in progress with fewer checks on the Beijing day than the setting (2) — SCENARIOS seed000-b #10.
 * Metadata only; a day still running shows what is missing so far.
 */
@Injectable()
export class ListTopSecretCheckAlerts {
  constructor(
    @Inject(DATABASE) private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIDENTIAL_SETTINGS) private readonly settings: ConfidentialSettings,
  ) {}

  async execute(input: { day?: string }, { actor }: RequestContext): Promise<z.infer<typeof documents.topSecretCheckAlerts.output>> {
    if (!hasAnyRole(actor, [...TOP_SECRET_CHECKERS, 'confidential-clerk', 'deputy-director'])) throw GovError.forbidden('the 绝密 checks are kept by the bureau and the office leaders');
    const day = (input.day ?? toIsoDate(this.clock.now())) as IsoDate;
    const rows = await this.db.confidentialDocument.findMany({
      where: { classification: 'top-secret', state: { in: IN_PROGRESS } },
      include: { history: { where: { action: 'check' }, select: { at: true } } },
      orderBy: { registerSeq: 'asc' },
    });
    const items = rows
      .filter((r) => toIsoDate(r.registeredAt) <= day)
      .filter((r) => topSecretCheckAlert({ classification: 'top-secret' }, r.history.map((h) => h.at), day, this.settings))
      .map((r) => ({
        id: r.id,
        registerNumber: r.registerNumber,
        state: r.state as ConfidentialState,
        holder: { id: r.holderId, name: r.holderName },
        checks: r.history.filter((h) => toIsoDate(h.at) === day).length,
      }));
    return { day, required: this.settings.topSecretChecksPerDay, items };
  }
}

function assertRegisterReader(actor: Actor): void {
  if (!hasAnyRole(actor, CONFIDENTIAL_READERS)) throw GovError.forbidden('you may not read the confidential register');
}

/** One confidential document: clearance and need-to-know, else NOT_FOUND like an unknown id; every read audited. */
@Injectable()
export class GetConfidentialDocument {
  constructor(
    @Inject(DATABASE) private readonly db: Db,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id }: { id: string }, { actor, traceId }: RequestContext): Promise<View> {
    assertRegisterReader(actor);
    const row = await this.db.confidentialDocument.findUnique({ where: { id }, include: WITH_HISTORY });
    if (!row) throw noSuchConfidential();
    await assertMayKnow(this.uow, actor, traceId, row, ENTITY, noSuchConfidential);
    await this.uow.run((tx) => auditClassifiedRead(tx, actor, traceId, row, ENTITY, 'confidential.read-classified'));
    return toView(row, toIsoDate(this.clock.now()));
  }
}

/** The confidential register: only what the caller may read (filtered in the query), each classified entry audited. */
@Injectable()
export class ListConfidentialDocuments {
  constructor(
    @Inject(DATABASE) private readonly db: Db,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIDENTIAL_SETTINGS) private readonly settings: ConfidentialSettings,
  ) {}

  async execute(input: z.infer<typeof documents.listConfidential.input>, { actor, traceId }: RequestContext) {
    assertRegisterReader(actor);
    const covered = CLEARANCES.filter((level) => level !== 'none' && clearanceAtLeast(actor.clearance, level));
    const where: Prisma.ConfidentialDocumentWhereInput = {
      ...(input.year ? { registerYear: input.year } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.state ? { state: input.state } : {}),
      ...(input.titleContains ? { title: { contains: input.titleContains } } : {}),
      AND: [
        { OR: [{ classification: 'none' }, { classification: { in: covered }, needToKnow: { hasSome: [actor.id, actor.unit] } }] },
        ...(input.waitingForMe ? [{ OR: this.waitingFor(actor) }] : []),
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.confidentialDocument.findMany({ where, orderBy: [{ registerYear: 'desc' }, { registerSeq: 'desc' }], take: input.limit, skip: input.offset }),
      this.db.confidentialDocument.count({ where }),
    ]);
    const classified = rows.filter((r) => r.classification !== 'none');
    if (classified.length) {
      await this.uow.run(async (tx) => {
        for (const r of classified) await auditClassifiedRead(tx, actor, traceId, r, ENTITY, 'confidential.list-classified');
      });
    }
    const today = toIsoDate(this.clock.now());
    return { items: rows.map((r) => toSummaryView(r, today)), total };
  }

  /**
   * 待办: what waits for this caller. The proposal for the post that writes it (registered), the carry, return or
   * filing for the confidential clerk who holds it, the instruction for the leader holding it, the handling for the
   * unit holding it.
   */
  private waitingFor(actor: Actor): Prisma.ConfidentialDocumentWhereInput[] {
    const mine = { holderId: { in: [actor.id, actor.unit] } };
    const out: Prisma.ConfidentialDocumentWhereInput[] = [{ ...mine, state: { in: ['with-leader', 'with-unit'] } }];
    if (actor.roles.includes(this.settings.proposalBy)) out.push({ state: 'registered' });
    if (actor.roles.includes('confidential-clerk')) out.push({ holderId: actor.id, state: { in: ['proposal-written', 'recovered'] } });
    return out;
  }
}

const OVERDUE_READERS: readonly Role[] = ['confidential-clerk', 'secrecy-officer', 'director', 'deputy-director'];

/**
 * The overdue recoveries: documents to be returned that are not back by their due date, or that have none
 * (RULES.md D25: flagged, never silently open). Metadata only, no titles, so no classified content is shown.
 */
@Injectable()
export class ListOverdueConfidentialReturns {
  constructor(
    @Inject(DATABASE) private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(_input: unknown, { actor }: RequestContext): Promise<z.infer<typeof documents.overdueConfidentialReturns.output>> {
    if (!hasAnyRole(actor, OVERDUE_READERS)) throw GovError.forbidden('the overdue list is kept by the confidential clerk and the office leaders');
    const today = toIsoDate(this.clock.now());
    const rows = await this.db.confidentialDocument.findMany({
      where: { mustReturn: true, returnedAt: null, OR: [{ returnDue: null }, { returnDue: { lt: today } }] },
      orderBy: [{ returnDue: 'asc' }, { registerSeq: 'asc' }],
    });
    const items = rows
      .filter((r) => returnStatus({ mustReturn: r.mustReturn, returnDue: r.returnDue as IsoDate | null, returnedAt: r.returnedAt }, today) === 'overdue')
      .map((r) => ({
        id: r.id,
        registerNumber: r.registerNumber,
        kind: r.kind as 'document' | 'telegram',
        classification: r.classification as Classification,
        senderUnit: r.senderUnit,
        state: r.state as ConfidentialState,
        holder: { id: r.holderId, name: r.holderName },
        returnDue: r.returnDue,
        daysOverdue: r.returnDue ? Math.round((Date.parse(today) - Date.parse(r.returnDue)) / 86_400_000) : null,
      }));
    return { today, items };
  }
}
