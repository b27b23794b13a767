import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { allocateYearNumber } from '@gov/persistence';
import { GovError, documents, toHistoryEntry } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import type { Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import type { Prisma, SpecialItem, SpecialItemHistory, SpecialItemInstruction } from '../generated/prisma/client.js';
import type { IncomingReviewSettings } from '../incoming-review/incoming-review.settings.js';
import { returnNoticeLines, type GivenGround } from '../incoming-review/return-grounds.js';
import type { LeaderInstruction } from '../incoming-review/initial-review.rules.js';
import {
  SPECIAL_ITEM_RETURN_GROUNDS,
  assertInstructionCopyKept,
  assertMayAccessSpecialItemInstruction,
  assertMayRegisterSpecialItem,
  assertSpecialItemIntake,
  assertSpecialItemRegistration,
  assertSpecialItemReturn,
  detectSpecialItemGrounds,
  mayAccessSpecialItemInstruction,
  nextSpecialItemState,
  type SpecialItem as SpecialItemRecord,
  type SpecialItemAction,
  type SpecialItemState,
} from '../incoming-review/special-items.rules.js';
import { INCOMING_REVIEW_SETTINGS } from '../incoming-workflow/incoming-steps.js';
import { recordInstruction } from '../incoming-review/initial-review.rules.js';

type In<C> = C extends { input: infer S extends z.ZodType } ? z.infer<S> : never;
type View = documents.SpecialItemView;
type Row = SpecialItem & { instructions: SpecialItemInstruction[]; history: SpecialItemHistory[] };

/**
 * 特殊件 has its own register, 特办〔YYYY〕N号 (seed 000 L252 registers special items in their own list; the
 * prefix is a decision, documents-incoming.md D52), so the 收文 sequence stays the incoming register alone.
 */
export const SPECIAL_ITEM_PREFIX = '特办';

const INCLUDE = { instructions: { orderBy: { signedAt: 'asc' } }, history: { orderBy: { seq: 'asc' } } } as const;

/** Office roles that see the special-item register (the instruction text is guarded separately). */
const READERS = ['clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'archivist', 'auditor', 'admin'] as const;

const NO_SUCH_ITEM = () => GovError.notFound('no such special item');

function record(row: Row): SpecialItemRecord {
  return {
    handoverPersonId: row.handoverPersonId,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    instructedUnits: row.instructedUnits as unknown as SpecialItemRecord['instructedUnits'],
    instructions: row.instructions.map(
      (i): LeaderInstruction => ({
        leaderId: i.leaderId,
        leaderName: i.leaderName,
        rank: i.rank,
        text: i.text,
        signedAt: i.signedAt,
        stance: i.stance as LeaderInstruction['stance'],
        sendsTo: i.sendsTo,
      }),
    ),
  };
}

/**
 * 特殊件 (issue 3 §2; seed 000 L246–256): intake with the instruction, the four return grounds (① and ③ and ④ are
 * read from the record; ④ under settings.conflictingInstructions.specialItem, default return), registration only
 * once no ground shows, the proposal reviewed by the deputy director, the instruction copied and kept before
 * transfer, and the instruction text shown or copied only to office leaders and the person who handed it over.
 */
@Injectable()
export class SpecialItems {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INCOMING_REVIEW_SETTINGS) private readonly settings: IncomingReviewSettings,
  ) {}

  view(row: Row, actor: Actor): View {
    const visible = mayAccessSpecialItemInstruction(actor, row);
    const grounds = row.returnGrounds as unknown as GivenGround[];
    return {
      id: row.id,
      registerNumber: row.registerNumber,
      title: row.title,
      senderUnit: row.senderUnit,
      receivedAt: row.receivedAt.toISOString(),
      handoverPerson: { id: row.handoverPersonId, name: row.handoverPersonName },
      contactPerson: row.contactPerson,
      contactPhone: row.contactPhone,
      instructedUnits: row.instructedUnits as unknown as View['instructedUnits'],
      detectedGrounds: detectSpecialItemGrounds(record(row), this.settings),
      returnGrounds: grounds.map((g) => ({ ground: g.ground, text: g.text ?? null })),
      returnNotice: grounds.length ? returnNoticeLines(grounds, SPECIAL_ITEM_RETURN_GROUNDS) : [],
      status: row.status as View['status'],
      holder: { id: row.holderId, name: row.holderName },
      proposal: row.proposal,
      instructionCopyKeptAt: row.instructionCopyKeptAt?.toISOString() ?? null,
      transferredTo: row.transferredTo,
      instructionVisible: visible,
      instructions: row.instructions.map((i) => ({
        leader: { id: i.leaderId, name: i.leaderName },
        rank: i.rank,
        text: visible ? i.text : null,
        stance: i.stance,
        signedAt: i.signedAt.toISOString(),
      })),
      history: row.history.map(toHistoryEntry),
    };
  }

  async receive(input: In<typeof documents.receiveSpecialItem>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const to = nextSpecialItemState(null, 'sign-for', actor);
    const receivedAt = new Date(input.receivedAt);
    if (receivedAt.getTime() > now.getTime() + 5 * 60_000) throw GovError.badInput('receivedAt lies in the future', { field: 'receivedAt' });
    const instructions = input.instructions.map((i) =>
      recordInstruction({ leaderId: i.leaderId, leaderName: i.leaderName, rank: i.rank ?? null, text: i.text, signedAt: new Date(i.signedAt), stance: i.stance, sendsTo: i.sendsTo }),
    );
    assertSpecialItemIntake({
      handoverPersonId: input.handoverPerson.id,
      contactPerson: input.contactPerson ?? null,
      contactPhone: input.contactPhone ?? null,
      instructions,
      instructedUnits: input.instructedUnits,
    });
    const id = randomUUID();
    const row = await this.uow.run(async (tx) => {
      const created = await tx.specialItem.create({
        data: {
          id,
          title: input.title,
          senderUnit: input.senderUnit,
          receivedAt,
          handoverPersonId: input.handoverPerson.id,
          handoverPersonName: input.handoverPerson.name,
          contactPerson: input.contactPerson ?? null,
          contactPhone: input.contactPhone ?? null,
          instructedUnits: input.instructedUnits as Prisma.InputJsonValue,
          status: to,
          holderId: actor.id,
          holderName: actor.name,
          instructions: {
            create: instructions.map((i) => ({
              id: randomUUID(),
              leaderId: i.leaderId,
              leaderName: i.leaderName,
              rank: i.rank,
              text: i.text,
              stance: i.stance,
              sendsTo: i.sendsTo,
              signedAt: i.signedAt,
            })),
          },
          history: {
            create: [
              {
                at: now,
                actorId: actor.id,
                actorName: actor.name,
                action: 'sign-for',
                fromState: null,
                toState: to,
                reason: `签收: ${input.handoverPerson.name} → ${actor.name}`,
                details: { handedBy: input.handoverPerson },
              },
            ],
          },
        },
        include: INCLUDE,
      });
      await recordChange(tx, context, { at: now, entityType: 'special-item', entityId: id, action: 'special-item.sign-for', details: { handedBy: input.handoverPerson.id } });
      return created;
    });
    return this.view(row, actor);
  }

  private async load(id: string, actor: Actor): Promise<Row> {
    if (!hasAnyRole(actor, READERS)) throw GovError.forbidden('you may not read the special-item register');
    const row = await this.db.specialItem.findUnique({ where: { id }, include: INCLUDE });
    if (!row) throw NO_SUCH_ITEM();
    return row;
  }

  async get({ id }: { id: string }, { actor }: RequestContext): Promise<View> {
    return this.view(await this.load(id, actor), actor);
  }

  /** 查询/复印 of the instruction: office leaders and the 交办人 only (seed 000 L254(6)); each copy is audited. */
  async copyInstruction(input: In<typeof documents.copySpecialItemInstruction>, context: RequestContext) {
    const { actor } = context;
    const row = await this.db.specialItem.findUnique({ where: { id: input.id }, include: INCLUDE });
    if (!row) throw NO_SUCH_ITEM();
    assertMayAccessSpecialItemInstruction(actor, row);
    const now = this.clock.now();
    await this.uow.run((tx) =>
      recordChange(tx, context, {
        at: now,
        entityType: 'special-item',
        entityId: row.id,
        action: 'special-item.copy-instruction',
        details: { purpose: input.purpose },
      }),
    );
    return {
      itemId: row.id,
      instructions: row.instructions.map((i) => ({ leaderName: i.leaderName, text: i.text, signedAt: i.signedAt.toISOString() })),
    };
  }

  private async step(
    id: string,
    action: SpecialItemAction,
    context: RequestContext,
    plan: (row: Row, now: Date, tx: DocumentsTx) => Promise<{ data?: Prisma.SpecialItemUpdateManyMutationInput; reason?: string | null; details?: Record<string, unknown>; event?: Parameters<typeof recordChange>[2]['event'] }>,
    guard?: (row: Row) => void,
  ): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const row = await this.load(id, actor);
    const from = row.status as SpecialItemState;
    const to = nextSpecialItemState(from, action, actor);
    guard?.(row);
    const updated = await this.uow.run(async (tx) => {
      const p = await plan(row, now, tx);
      const { count } = await tx.specialItem.updateMany({
        where: { id: row.id, version: row.version },
        data: { ...p.data, status: to, holderId: actor.id, holderName: actor.name, version: { increment: 1 } },
      });
      if (count !== 1) throw GovError.conflict('the item changed meanwhile; reload and try again');
      await tx.specialItemHistory.create({
        data: { itemId: row.id, at: now, actorId: actor.id, actorName: actor.name, action, fromState: from, toState: to, reason: p.reason ?? null, details: (p.details ?? {}) as Prisma.InputJsonValue },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'special-item',
        entityId: row.id,
        action: `special-item.${action}`,
        details: { from, to, ...(p.details ?? {}) },
        ...(p.event ? { event: p.event } : {}),
      });
      return tx.specialItem.findUniqueOrThrow({ where: { id: row.id }, include: INCLUDE });
    });
    return this.view(updated, actor);
  }

  returnItem(input: In<typeof documents.returnSpecialItem>, c: RequestContext): Promise<View> {
    const grounds = input.grounds.map((g) => (g.text ? { ground: g.ground, text: g.text } : { ground: g.ground }));
    assertSpecialItemReturn(grounds);
    return this.step(input.id, 'return', c, async (row, now) => ({
      data: { returnGrounds: grounds as Prisma.InputJsonValue },
      details: { grounds: grounds.map((g) => g.ground) },
      reason: returnNoticeLines(grounds, SPECIAL_ITEM_RETURN_GROUNDS).join(';'),
      event: {
        contract: documents.specialItemReturned,
        data: { itemId: row.id, handoverPersonId: row.handoverPersonId, grounds: grounds.map((g) => g.ground), returnedAt: now.toISOString() },
      },
    }));
  }

  register(input: In<typeof documents.registerSpecialItem>, c: RequestContext): Promise<View> {
    return this.step(
      input.id,
      'register',
      c,
      async (row, now, tx) => {
        const number = await allocateYearNumber(tx, { prefix: SPECIAL_ITEM_PREFIX, at: now, entityType: 'special-item', entityId: row.id, issuedBy: c.actor.id });
        assertSpecialItemRegistration({ senderUnit: row.senderUnit, receivedOrForwardedAt: row.receivedAt, title: row.title, registerNumber: number.formatted });
        return {
          data: { registerNumber: number.formatted, registerYear: number.year, registerSeq: number.value },
          details: { registerNumber: number.formatted },
          event: {
            contract: documents.specialItemRegistered,
            data: { itemId: row.id, registerNumber: number.formatted, title: row.title, senderUnit: row.senderUnit, registeredAt: now.toISOString() },
          },
        };
      },
      (row) => assertMayRegisterSpecialItem(record(row), this.settings),
    );
  }

  proposeHandling(input: In<typeof documents.proposeSpecialItemHandling>, c: RequestContext): Promise<View> {
    return this.step(input.id, 'propose-handling', c, async () => ({ data: { proposal: input.opinion }, reason: input.opinion }));
  }

  approveProposal(input: In<typeof documents.approveSpecialItemProposal>, c: RequestContext): Promise<View> {
    return this.step(input.id, 'approve-proposal', c, async () => ({}));
  }

  sendBack(input: In<typeof documents.sendBackSpecialItem>, c: RequestContext): Promise<View> {
    return this.step(input.id, 'send-back', c, async () => ({ reason: input.reason }));
  }

  /** 批示件复印留存 (seed 000 L254(5)): the office's own copy before transfer; not a copy for anyone else. */
  async keepInstructionCopy(input: In<typeof documents.keepSpecialItemInstructionCopy>, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!actor.roles.includes('clerk')) throw GovError.forbidden('the clerk of 办文科 keeps the copy');
    const row = await this.load(input.id, actor);
    if (row.status !== 'reviewed') throw GovError.conflict(`the copy is kept just before transfer, not when the item is ${row.status}`);
    if (row.instructionCopyKeptAt) throw GovError.conflict('a copy of the instruction is already kept');
    const now = this.clock.now();
    const updated = await this.uow.run(async (tx) => {
      const { count } = await tx.specialItem.updateMany({ where: { id: row.id, version: row.version }, data: { instructionCopyKeptAt: now, version: { increment: 1 } } });
      if (count !== 1) throw GovError.conflict('the item changed meanwhile; reload and try again');
      await tx.specialItemHistory.create({
        data: { itemId: row.id, at: now, actorId: actor.id, actorName: actor.name, action: 'keep-instruction-copy', fromState: row.status, toState: row.status, reason: '批示件复印留存' },
      });
      await recordChange(tx, context, { at: now, entityType: 'special-item', entityId: row.id, action: 'special-item.keep-instruction-copy', details: {} });
      return tx.specialItem.findUniqueOrThrow({ where: { id: row.id }, include: INCLUDE });
    });
    return this.view(updated, actor);
  }

  /**
   * 转办, after the instruction copy is kept. Routes named by the clerk go out as documents.incomingRouted (one per
   * section, keyed by the item and its most senior leader's instruction), in the same transaction; the matter is
   * the clerk's summary or null, never the instruction text (D58).
   */
  transfer(input: In<typeof documents.transferSpecialItem>, c: RequestContext): Promise<View> {
    const targets = input.routes.map((r) => r.to);
    if (new Set(targets).size !== targets.length) throw GovError.badInput('a section is named twice in the routes', { field: 'routes' });
    return this.step(
      input.id,
      'transfer',
      c,
      async (row, now, tx) => {
        const leading = [...row.instructions].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0]!;
        for (const r of input.routes) {
          const routeId = randomUUID();
          await recordChange(tx, c, {
            at: now,
            entityType: 'special-item-route',
            entityId: routeId,
            action: 'special-item.routed',
            details: { itemId: row.id, to: r.to },
            event: {
              contract: documents.incomingRouted,
              data: {
                routeId,
                documentId: row.id,
                registerNumber: row.registerNumber!,
                instructionId: leading.id,
                to: r.to,
                classification: 'none',
                title: row.title,
                matter: r.matter ?? null,
                leadUnit: r.leadUnit ?? null,
                coUnits: r.coUnits,
                dueOn: r.dueOn ?? null,
                urgent: r.urgent,
                instructedBy: { id: leading.leaderId, name: leading.leaderName },
                instructedAt: leading.signedAt.toISOString(),
              },
            },
          });
        }
        return { data: { transferredTo: input.to }, details: { to: input.to, routes: targets } };
      },
      (row) => assertInstructionCopyKept(row),
    );
  }

  complete(input: In<typeof documents.completeSpecialItem>, c: RequestContext): Promise<View> {
    return this.step(input.id, 'complete', c, async () => ({}));
  }

  archive(input: In<typeof documents.archiveSpecialItem>, c: RequestContext): Promise<View> {
    return this.step(input.id, 'archive', c, async () => ({}));
  }
}
