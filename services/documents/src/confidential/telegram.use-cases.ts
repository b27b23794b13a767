import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { clearanceAtLeast, hasAnyRole, type Role } from '@gov/auth';
import { dueDate, toIsoDate, type Clock, type IsoDate } from '@gov/calendar';
import { GovError, documents, toHistoryEntry, type Classification } from '@gov/contracts';
import type { CalendarStore } from '@gov/messaging';
import { allocateYearNumber } from '@gov/persistence';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import type { OutgoingTelegram, OutgoingTelegramHistory, Prisma } from '../generated/prisma/client.js';
import { CONFIDENTIAL_SETTINGS, assertMayKnow, assertUpdated, auditClassifiedRead, noSuchConfidential, noSuchTelegram } from './confidential-access.js';
import type { ConfidentialSettings } from './confidential.settings.js';
import {
  TELEGRAM_PREFIX,
  assertReplyChannel,
  assertTelegramAcceptable,
  assertTelegramChecked,
  assertTelegramHeader,
  reviewTelegramSignatures,
  type TelegramChannel,
  type TelegramIssuer,
  type TelegramPriority,
  type TelegramSignature,
} from './telegram.rules.js';
import { nextTelegramState, type OutgoingTelegramAction, type OutgoingTelegramState } from './telegram.states.js';

type View = documents.OutgoingTelegramView;
type Db = InstanceType<typeof DocumentsDatabase>;
type Row = OutgoingTelegram & { history?: OutgoingTelegramHistory[] };
const ENTITY = 'outgoing-telegram';
const WITH_HISTORY = { history: { orderBy: { seq: 'asc' as const } } };

/** A signature as stored: the rule's shape with dates as ISO strings and the signer's name. */
interface StoredSignature {
  unit: string;
  mode: 'signed' | 'phone-approved';
  signerId: string;
  signerName: string;
  signerRoles: Role[];
  signerLeadsUnit: boolean;
  signedAt: string | null;
  phoneApproval: { approvedBy: string; approvedByName: string; at: string; recordedBy: string } | null;
  laterSignedAt: string | null;
}

const signaturesOf = (row: OutgoingTelegram): StoredSignature[] => (Array.isArray(row.signatures) ? (row.signatures as unknown as StoredSignature[]) : []);
const issuersOf = (row: OutgoingTelegram): TelegramIssuer[] => row.issuers as unknown as TelegramIssuer[];

function toRuleSignature(s: StoredSignature): TelegramSignature {
  return {
    unit: s.unit,
    signerId: s.signerId,
    signerRoles: s.signerRoles,
    signerLeadsUnit: s.signerLeadsUnit,
    mode: s.mode,
    phoneApproval: s.phoneApproval ? { approvedBy: s.phoneApproval.approvedBy, at: new Date(s.phoneApproval.at), recordedBy: s.phoneApproval.recordedBy } : null,
    laterSignedAt: s.laterSignedAt ? new Date(s.laterSignedAt) : null,
  };
}

function toView(row: Row, today: IsoDate): View {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    channel: row.channel as TelegramChannel,
    priority: row.priority as TelegramPriority,
    classification: row.classification as Classification,
    sendingUnit: row.sendingUnit,
    issuers: issuersOf(row).map((i) => ({ unit: i.unit, district: i.district })),
    destinations: row.destinations,
    replyToId: row.replyToId,
    state: row.state as OutgoingTelegramState,
    signatures: signaturesOf(row).map((s) => ({
      unit: s.unit,
      mode: s.mode,
      signerId: s.signerId,
      signerName: s.signerName,
      signedAt: s.signedAt,
      phoneApproval: s.phoneApproval,
      laterSignedAt: s.laterSignedAt,
    })),
    pendingLaterSignatures: row.pendingLaterSignatures,
    laterSignatureDue: row.laterSignatureDue,
    laterSignatureOverdue: laterSignatureOverdue(row, today),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    history: (row.history ?? []).map(toHistoryEntry),
  };
}

/** Owed signatures are overdue once the Beijing day is past their due date (confidential/README.md C1). */
export function laterSignatureOverdue(row: Pick<OutgoingTelegram, 'pendingLaterSignatures' | 'laterSignatureDue'>, today: IsoDate): boolean {
  return row.pendingLaterSignatures.length > 0 && !!row.laterSignatureDue && today > row.laterSignatureDue;
}

abstract class TelegramStep {
  constructor(
    protected readonly db: Db,
    protected readonly uow: UnitOfWork<DocumentsTx>,
    protected readonly clock: Clock,
  ) {}

  protected async load(id: string, context: RequestContext): Promise<Row> {
    const row = await this.db.outgoingTelegram.findUnique({ where: { id } });
    if (!row) throw noSuchTelegram();
    await assertMayKnow(this.uow, context.actor, context.traceId, row, ENTITY, noSuchTelegram);
    return row;
  }

  /** A reply checks the received telegram exists for the caller (NOT_FOUND otherwise) and answers cipher by cipher. */
  protected async assertReply(replyToId: string | null, channel: TelegramChannel, context: RequestContext): Promise<void> {
    if (!replyToId) return;
    const received = await this.db.confidentialDocument.findUnique({ where: { id: replyToId } });
    if (!received) throw noSuchConfidential();
    await assertMayKnow(this.uow, context.actor, context.traceId, received, 'confidential-document', noSuchConfidential);
    if (received.kind !== 'telegram' || !received.channel) throw GovError.badInput('a telegram answers a received telegram', { field: 'replyToId' });
    assertReplyChannel(received.channel as TelegramChannel, channel);
  }

  protected async write(
    row: Row,
    context: RequestContext,
    change: { action: OutgoingTelegramAction; to: OutgoingTelegramState; data: Prisma.OutgoingTelegramUpdateManyMutationInput; details: Record<string, unknown>; reason?: string },
    extra?: (tx: DocumentsTx, after: Row, now: Date) => Promise<void>,
  ): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const after = await this.uow.run(async (tx) => {
      assertUpdated(await tx.outgoingTelegram.updateMany({ where: { id: row.id, version: row.version }, data: { ...change.data, state: change.to, version: { increment: 1 } } }));
      await tx.outgoingTelegramHistory.create({
        data: {
          telegramId: row.id,
          at: now,
          actorId: actor.id,
          actorName: actor.name,
          action: change.action,
          fromState: row.state,
          toState: change.to,
          reason: change.reason ?? null,
          details: change.details as Prisma.InputJsonValue,
        },
      });
      const updated = await tx.outgoingTelegram.findUniqueOrThrow({ where: { id: row.id }, include: WITH_HISTORY });
      if (extra) await extra(tx, updated, now);
      else await recordChange(tx, context, { at: now, entityType: ENTITY, entityId: row.id, action: `telegram.${change.action}`, details: change.details });
      return updated;
    });
    return toView(after, toIsoDate(now));
  }
}

/**
 * 发电拟稿: the header matches the channel and shows priority, classification and sending unit; classified content
 * goes by cipher only (seed 000 L1072; seed 003 L13@c9119, D32); a reply to a cipher telegram is cipher (seed 000
 * L1086(4)). The drafter and the named readers (user ids or unit codes) are its need-to-know list.
 */
@Injectable()
export class DraftTelegram extends TelegramStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }

  async execute(input: z.infer<typeof documents.DraftTelegramInputSchema>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const to = nextTelegramState(null, 'draft', actor);
    if (!clearanceAtLeast(actor.clearance, input.classification)) throw GovError.forbidden('your clearance does not cover this telegram');
    assertTelegramHeader({ channel: input.channel, header: input.header, priority: input.priority, classification: input.classification, sendingUnit: input.sendingUnit });
    const units = input.issuers.map((i) => i.unit);
    if (new Set(units).size !== units.length) throw GovError.badInput('each issuing unit is named once', { field: 'issuers' });
    await this.assertReply(input.replyToId ?? null, input.channel, context);
    const id = randomUUID();
    const now = this.clock.now();
    const row = await this.uow.run(async (tx) => {
      const created = await tx.outgoingTelegram.create({
        data: {
          id,
          title: input.title,
          channel: input.channel,
          priority: input.priority,
          classification: input.classification,
          sendingUnit: input.sendingUnit,
          issuers: input.issuers as unknown as Prisma.InputJsonValue,
          destinations: input.destinations,
          replyToId: input.replyToId ?? null,
          state: to,
          signatures: [],
          pendingLaterSignatures: [],
          needToKnow: [...new Set([actor.id, ...input.needToKnow])],
          draftedById: actor.id,
          draftedAt: now,
          history: { create: [{ at: now, actorId: actor.id, actorName: actor.name, action: 'draft', fromState: null, toState: to, details: { channel: input.channel } }] },
        },
        include: WITH_HISTORY,
      });
      await recordChange(tx, context, { at: now, entityType: ENTITY, entityId: id, action: 'telegram.draft', details: { channel: input.channel, classification: input.classification } });
      return created;
    });
    return toView(row, toIsoDate(now));
  }
}

/**
 * 签发 by the issuing unit's leader (seed 000 L1074). After a phone approval, the approving leader's own signature
 * is the later signature (事后补签): before or after acceptance, it must be the leader who approved by phone.
 */
@Injectable()
export class SignTelegram extends TelegramStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }

  async execute(input: z.infer<typeof documents.signTelegram.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const row = await this.load(input.id, context);
    const action: OutgoingTelegramAction = row.state === 'accepted' ? 'sign-later' : 'sign';
    const to = nextTelegramState(row.state as OutgoingTelegramState, action, actor);
    const issuer = issuersOf(row).find((i) => i.unit === input.unit);
    if (!issuer) throw GovError.badInput(`${input.unit} is not an issuing unit of this telegram`, { field: 'unit' });
    const now = this.clock.now();
    const signatures = signaturesOf(row);
    const existing = signatures.find((s) => s.unit === input.unit);
    let later = false;
    if (existing?.mode === 'phone-approved') {
      if (existing.phoneApproval?.approvedBy !== actor.id) throw GovError.forbidden('the later signature is given by the leader who approved by phone');
      if (existing.laterSignedAt) throw GovError.conflict('this unit’s later signature is already given');
      if (issuer.district && !actor.roles.includes('district-leader')) throw GovError.forbidden('a district telegram is signed by a district leader');
      existing.laterSignedAt = now.toISOString();
      existing.signerRoles = actor.roles;
      later = true;
    } else if (action === 'sign-later') {
      throw GovError.conflict('this telegram owes no later signature for that unit');
    } else if (existing) {
      throw GovError.conflict('this unit has already signed the telegram');
    } else {
      signatures.push({
        unit: input.unit,
        mode: 'signed',
        signerId: actor.id,
        signerName: actor.name,
        signerRoles: actor.roles,
        // the unit's own leader: a leading post in that unit (a district telegram is checked for district-leader)
        signerLeadsUnit: actor.unit === input.unit || issuer.district,
        signedAt: now.toISOString(),
        phoneApproval: null,
        laterSignedAt: null,
      });
    }
    const pending = row.pendingLaterSignatures.filter((u) => !(later && u === input.unit));
    return this.write(
      row,
      context,
      {
        action,
        to,
        data: { signatures: signatures as unknown as Prisma.InputJsonValue, pendingLaterSignatures: pending, ...(pending.length === 0 ? { laterSignatureDue: null } : {}) },
        details: { unit: input.unit, later },
      },
      later && row.state === 'accepted'
        ? async (tx, _after, at) => {
            await recordChange(tx, context, {
              at,
              entityType: ENTITY,
              entityId: row.id,
              action: 'telegram.sign-later',
              details: { unit: input.unit, stillPending: pending },
              event: { contract: documents.telegramLaterSigned, data: { telegramId: row.id, unit: input.unit, signerId: actor.id, signedAt: at.toISOString(), stillPending: pending } },
            });
          }
        : undefined,
    );
  }
}

/**
 * 电话请示同意 (seed 000 L1074): when the leader cannot sign in person, the confidential clerk records who approved,
 * when, and that they took the call. Whether phone approval is allowed for that issuer is the acceptance check.
 */
@Injectable()
export class RecordTelegramPhoneApproval extends TelegramStep {
  constructor(@Inject(DATABASE) db: Db, @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }

  async execute(input: z.infer<typeof documents.recordTelegramPhoneApproval.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const row = await this.load(input.id, context);
    const to = nextTelegramState(row.state as OutgoingTelegramState, 'record-phone-approval', actor);
    const issuer = issuersOf(row).find((i) => i.unit === input.unit);
    if (!issuer) throw GovError.badInput(`${input.unit} is not an issuing unit of this telegram`, { field: 'unit' });
    if (new Date(input.approvedAt).getTime() > this.clock.now().getTime() + 5 * 60_000) throw GovError.badInput('the approval lies in the future', { field: 'approvedAt' });
    const signatures = signaturesOf(row);
    if (signatures.some((s) => s.unit === input.unit)) throw GovError.conflict('this unit has already signed or approved the telegram');
    signatures.push({
      unit: input.unit,
      mode: 'phone-approved',
      signerId: input.approvedById,
      signerName: input.approvedByName,
      // the clerk records a district leader's approval for a district telegram; the leader's own later signature verifies it
      signerRoles: issuer.district ? ['district-leader'] : [],
      signerLeadsUnit: true,
      signedAt: null,
      phoneApproval: { approvedBy: input.approvedById, approvedByName: input.approvedByName, at: input.approvedAt, recordedBy: actor.id },
      laterSignedAt: null,
    });
    return this.write(row, context, { action: 'record-phone-approval', to, data: { signatures: signatures as unknown as Prisma.InputJsonValue }, details: { unit: input.unit, approvedBy: input.approvedById } });
  }
}

/**
 * 受理、登记、编号 (seed 000 L1074–1078): without every issuing leader's signature the bureau does not accept it
 * (不予受理, CONFLICT with the problems); a phone approval is accepted with the later signature owed, due by the
 * setting `laterSignatureWithin` (confidential/README.md C1). The telegram gets 明电/密电〔YYYY〕N号 (D31).
 */
@Injectable()
export class AcceptTelegram extends TelegramStep {
  constructor(
    @Inject(DATABASE) db: Db,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(CONFIDENTIAL_SETTINGS) private readonly settings: ConfidentialSettings,
  ) {
    super(db, uow, clock);
  }

  async execute(input: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const row = await this.load(input.id, context);
    const to = nextTelegramState(row.state as OutgoingTelegramState, 'accept', actor);
    const channel = row.channel as TelegramChannel;
    const classification = row.classification as Classification;
    assertTelegramHeader({ channel, header: channel, priority: row.priority as TelegramPriority, classification, sendingUnit: row.sendingUnit });
    const review = reviewTelegramSignatures(issuersOf(row), signaturesOf(row).map(toRuleSignature), this.settings);
    assertTelegramAcceptable(review);
    assertTelegramChecked({ signed: true, classification, priority: row.priority as TelegramPriority, destinations: row.destinations });
    await this.assertReply(row.replyToId, channel, context);
    const now = this.clock.now();
    const pending = review.pendingLaterSignatures;
    const due = pending.length > 0 ? dueDate(this.calendars.calendar, toIsoDate(now), this.settings.laterSignatureWithin) : null;
    let number = '';
    return this.write(
      row,
      context,
      { action: 'accept', to, data: {}, details: { pendingLaterSignatures: pending } },
      async (tx, after, at) => {
        const issued = await allocateYearNumber(tx, { prefix: TELEGRAM_PREFIX[channel], at, entityType: ENTITY, entityId: row.id, issuedBy: actor.id });
        number = issued.formatted;
        await tx.outgoingTelegram.update({ where: { id: row.id }, data: { number, acceptedAt: at, pendingLaterSignatures: pending, laterSignatureDue: due } });
        Object.assign(after, { number, acceptedAt: at, pendingLaterSignatures: pending, laterSignatureDue: due });
        await recordChange(tx, context, {
          at,
          entityType: ENTITY,
          entityId: row.id,
          action: 'telegram.accept',
          details: { number, pendingLaterSignatures: pending, laterSignatureDue: due },
          event: {
            contract: documents.telegramAccepted,
            data: {
              telegramId: row.id,
              number,
              channel,
              priority: row.priority as TelegramPriority,
              classification,
              replyToId: row.replyToId,
              pendingLaterSignatures: pending,
              laterSignatureDue: due,
              acceptedAt: at.toISOString(),
              acceptedBy: actor.id,
            },
          },
        });
      },
    );
  }
}

const TELEGRAM_READERS: readonly Role[] = ['confidential-clerk', 'secrecy-officer', 'director', 'deputy-director', 'district-leader', 'section-chief', 'clerk', 'unit-liaison', 'auditor'];

/** One outgoing telegram within clearance and need-to-know (NOT_FOUND otherwise, audited); classified reads audited. */
@Injectable()
export class GetTelegram {
  constructor(
    @Inject(DATABASE) private readonly db: Db,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id }: { id: string }, { actor, traceId }: RequestContext): Promise<View> {
    if (!hasAnyRole(actor, TELEGRAM_READERS)) throw GovError.forbidden('you may not read telegrams');
    const row = await this.db.outgoingTelegram.findUnique({ where: { id }, include: WITH_HISTORY });
    if (!row) throw noSuchTelegram();
    await assertMayKnow(this.uow, actor, traceId, row, ENTITY, noSuchTelegram);
    await this.uow.run((tx) => auditClassifiedRead(tx, actor, traceId, row, ENTITY, 'telegram.read-classified'));
    return toView(row, toIsoDate(this.clock.now()));
  }
}

/** Accepted telegrams still owing a leader's later signature, overdue ones flagged (no titles). */
@Injectable()
export class ListTelegramsOwingSignature {
  constructor(
    @Inject(DATABASE) private readonly db: Db,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: { overdueOnly: boolean }, { actor }: RequestContext): Promise<z.infer<typeof documents.telegramsOwingSignature.output>> {
    if (!hasAnyRole(actor, ['confidential-clerk', 'secrecy-officer', 'director', 'deputy-director'])) throw GovError.forbidden('the list of owed signatures is kept by the confidential clerk and the office leaders');
    const today = toIsoDate(this.clock.now());
    const rows = await this.db.outgoingTelegram.findMany({ where: { state: 'accepted', NOT: { pendingLaterSignatures: { isEmpty: true } } }, orderBy: { acceptedAt: 'asc' } });
    const items = rows
      .map((r) => ({ id: r.id, number: r.number, classification: r.classification as Classification, units: r.pendingLaterSignatures, due: r.laterSignatureDue, overdue: laterSignatureOverdue(r, today) }))
      .filter((r) => !input.overdueOnly || r.overdue);
    return { today, items };
  }
}
