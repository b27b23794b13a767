import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { clearanceAtLeast, hasAnyRole, type Actor, type Role } from '@gov/auth';
import { GovError, meetings, toHistoryEntry, type Classification } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { allocateYearNumber } from '@gov/persistence';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, gateClassifiedRead, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import type { Minutes, MinutesHistory, MinutesSignature, Prisma } from '../generated/prisma/client.js';
import { meetingForChange, MEETING_READERS } from '../meetings/meeting-store.js';
import { beijingDate } from '../meetings/lead-time.js';
import type { LeaderPost } from '../meetings/posts.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import {
  assertSeparateMajorIssueMinutes,
  isDraftOverdue,
  issuedDecisions,
  issueDueAfterSigning,
  minutesDeadlines,
  minutesIssuedItems,
  minutesSeries,
  missingSignatures,
  MinutesDecisionSchema,
  nextMinutesState,
  requiredSignatures,
  type MinutesState,
  type Signature,
  type Signer,
} from './minutes.rules.js';

type View = meetings.MinutesView;
type Row = Minutes & { signatures: MinutesSignature[]; history: MinutesHistory[]; meeting: { typeCode: string } };

export const NO_SUCH_MINUTES = () => GovError.notFound('no such minutes');
const CHANGED = () => GovError.conflict('the minutes were changed meanwhile; reload them and try again');
const INCLUDE = { signatures: { orderBy: { seq: 'asc' } }, history: { orderBy: { seq: 'asc' } }, meeting: { select: { typeCode: true } } } as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function signerLabel(s: Signer): string {
  return s.kind === 'role' ? `role:${s.role}` : s.kind === 'post' ? `post:${s.post}` : `leader:${s.leaderId}`;
}

function required(row: Minutes & { meeting: { typeCode: string } }): Signer[] {
  return requiredSignatures(row.meeting.typeCode, { major: row.major, relevantLeaderIds: row.relevantLeaderIds });
}

function signaturesOf(rows: MinutesSignature[]): Signature[] {
  return rows.map((s) => ({ signerId: s.signerId, roles: s.roles as Role[], posts: s.posts as LeaderPost[], at: s.at }));
}

type Decision = z.infer<typeof MinutesDecisionSchema>;

export function toMinutesView(row: Row): View {
  const req = required(row);
  return {
    id: row.id,
    meetingId: row.meetingId,
    meetingTypeCode: row.meeting.typeCode,
    title: row.title,
    classification: row.classification as Classification,
    major: row.major,
    state: row.state as View['state'],
    number: row.number,
    decisions: (row.decisions as Decision[]).map((d) => ({ text: d.text, leadUnit: d.leadUnit, coUnits: d.coUnits, dueDate: d.dueDate, requiresDocument: d.requiresDocument })),
    draftedAt: row.draftedAt.toISOString(),
    draftDueAt: row.draftDueAt.toISOString(),
    draftBasis: row.draftBasis,
    draftOverdue: row.draftOverdue,
    issueDueAt: iso(row.issueDueAt),
    requiredSigners: req.map(signerLabel),
    missingSigners: missingSignatures(req, signaturesOf(row.signatures)).map(signerLabel),
    signatures: row.signatures.map((s) => ({ signerId: s.signerId, signerName: s.signerName, step: s.step, at: s.at.toISOString() })),
    signedAt: iso(row.signedAt),
    issueDueAfterSigningAt: iso(row.issueDueAfterSigningAt),
    issuedAt: iso(row.issuedAt),
    issuedLate: row.issuedLate,
    history: row.history.map(toHistoryEntry),
  };
}

class MinutesBase {
  constructor(
    protected readonly db: InstanceType<typeof MeetingsDatabase>,
    protected readonly uow: UnitOfWork<MeetingsTx>,
    protected readonly clock: Clock,
  ) {}

  protected async load(id: string, actor: Actor): Promise<Row> {
    const row = await this.db.minutes.findUnique({ where: { id }, include: INCLUDE });
    if (!row || !clearanceAtLeast(actor.clearance, row.classification as Classification)) throw NO_SUCH_MINUTES();
    return row;
  }

  protected async postsOf(actor: Actor): Promise<LeaderPost[]> {
    if (!hasAnyRole(actor, ['district-leader'])) return [];
    return (await this.db.leaderPostHolder.findMany({ where: { userId: actor.id } })).map((p) => p.post as LeaderPost);
  }

  /** One step: the row (optimistic), the history entry, further writes, the audit entry and the event. */
  protected async step<D extends z.ZodType>(
    context: RequestContext,
    current: Row,
    change: {
      at: Date;
      action: string;
      to: MinutesState;
      data?: Prisma.MinutesUpdateManyMutationInput;
      reason?: string | null;
      details?: Record<string, unknown>;
      also?: (tx: MeetingsTx) => Promise<unknown>;
      event?: { contract: import('@gov/contracts').EventContract<D>; data: (tx: MeetingsTx) => Promise<z.input<D>> | z.input<D> };
    },
  ): Promise<View> {
    const { actor } = context;
    return this.uow.run(async (tx) => {
      const { count } = await tx.minutes.updateMany({
        where: { id: current.id, version: current.version },
        data: { ...(change.data ?? {}), state: change.to, version: { increment: 1 } },
      });
      if (count !== 1) throw CHANGED();
      await change.also?.(tx);
      const details = change.details ?? {};
      await tx.minutesHistory.create({
        data: {
          minutesId: current.id,
          at: change.at,
          actorId: actor.id,
          actorName: actor.name,
          action: change.action,
          fromState: current.state,
          toState: change.to,
          reason: change.reason ?? null,
          details: details as Prisma.InputJsonValue,
        },
      });
      await recordChange(tx, context, {
        at: change.at,
        entityType: 'minutes',
        entityId: current.id,
        action: `minutes.${change.action}`,
        details,
        ...(change.event ? { event: { contract: change.event.contract, data: await change.event.data(tx) } } : {}),
      });
      return toMinutesView(await tx.minutes.findUniqueOrThrow({ where: { id: current.id }, include: INCLUDE }));
    });
  }
}

type DraftInput = z.infer<typeof meetings.draftMinutes.input>;

/**
 * 起草纪要: the responsible section drafts the minutes of a held meeting with one entry per decision (each with
 * its lead unit). The draft is due by type (minutesDeadlines: executive 24 hours, standing committee 2 WD and
 * issued within a week, urgent the same day, others 2 WD; RULES.md D14); a late draft is flagged overdue.
 */
@Injectable()
export class DraftMinutes extends MinutesBase {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {
    super(db, uow, clock);
  }

  async execute(input: DraftInput, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const state = nextMinutesState(null, 'draft', actor, { required: [], signatures: [] });
    const meeting = await meetingForChange(this.db, input.meetingId, actor);
    if (meeting.state !== 'held') throw GovError.conflict('minutes are drafted after the meeting was held', { state: meeting.state });
    if (meeting.minutes) throw GovError.conflict('the meeting already has minutes', { minutesId: meeting.minutes.id });
    // Validates each decision (text and lead unit) and the leaders of major minutes before anything is written.
    minutesIssuedItems({ typeCode: meeting.typeCode, classification: 'none', decisions: input.decisions });
    requiredSignatures(meeting.typeCode, { major: input.major, relevantLeaderIds: input.relevantLeaderIds });
    const due = minutesDeadlines(
      { typeCode: meeting.typeCode, startsAt: meeting.startsAt, endsAt: meeting.endsAt, urgent: meeting.urgent },
      this.calendars.calendar,
      this.settings.minutes,
      this.settings.time,
    );
    const overdue = isDraftOverdue(due, now, now);
    const id = randomUUID();
    const decisions = input.decisions.map((d) => MinutesDecisionSchema.parse(d));
    const row = await this.uow.run(async (tx) => {
      await tx.minutes.create({
        data: {
          id,
          meetingId: meeting.id,
          title: input.title,
          classification: meeting.classification,
          major: input.major,
          relevantLeaderIds: [...new Set(input.relevantLeaderIds)],
          decisions: decisions as Prisma.InputJsonValue,
          state,
          draftedAt: now,
          draftedById: actor.id,
          draftDueAt: due.draftDueAt,
          draftBasis: due.draftBasis,
          draftOverdue: overdue,
          issueDueAt: due.issueDueAt,
          history: {
            create: [{ at: now, actorId: actor.id, actorName: actor.name, action: 'draft', fromState: null, toState: state, details: { decisions: decisions.length, overdue } }],
          },
        },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'minutes',
        entityId: id,
        action: 'minutes.draft',
        details: { meetingId: meeting.id, decisions: decisions.length, draftDueAt: due.draftDueAt.toISOString(), overdue },
      });
      return tx.minutes.findUniqueOrThrow({ where: { id }, include: INCLUDE });
    });
    return toMinutesView(row);
  }
}

/** The section chief, then the deputy director review (seed 000 L560(2), L632(3)); each review is a signature of the chain. */
@Injectable()
export class ReviewMinutes extends MinutesBase {
  constructor(@Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>, @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }
  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.load(id, actor);
    const to = nextMinutesState(current.state as MinutesState, 'review', actor, { required: [], signatures: [] });
    const posts = await this.postsOf(actor);
    return this.step(context, current, {
      at: now,
      action: 'review',
      to,
      also: (tx) => tx.minutesSignature.create({ data: { minutesId: id, signerId: actor.id, signerName: actor.name, roles: actor.roles, posts, step: 'review', at: now } }),
    });
  }
}

/** The deputy director sends the draft back; the reviews given so far lapse (they are kept in the history). */
@Injectable()
export class SendBackMinutes extends MinutesBase {
  constructor(@Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>, @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }
  async execute({ id, reason }: { id: string; reason: string }, context: RequestContext): Promise<View> {
    const now = this.clock.now();
    const current = await this.load(id, context.actor);
    const to = nextMinutesState(current.state as MinutesState, 'send-back', context.actor, { required: [], signatures: [] });
    return this.step(context, current, {
      at: now,
      action: 'send-back',
      to,
      reason,
      details: { reason, lapsedReviews: current.signatures.map((s) => s.signerName) },
      also: (tx) => tx.minutesSignature.deleteMany({ where: { minutesId: id } }),
    });
  }
}

/**
 * 办文科登记: the minutes get their number like a document, `<series>〔YYYY〕N号` (区委常委会议纪要〔2026〕3号), gap-free
 * per series and Beijing year, in the same transaction (RULES.md D16).
 */
@Injectable()
export class RegisterMinutes extends MinutesBase {
  constructor(@Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>, @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }
  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.load(id, actor);
    const to = nextMinutesState(current.state as MinutesState, 'register', actor, { required: [], signatures: [] });
    let number = '';
    return this.step(context, current, {
      at: now,
      action: 'register',
      to,
      also: async (tx) => {
        const n = await allocateYearNumber(tx, { prefix: minutesSeries(current.meeting.typeCode), at: now, entityType: 'minutes', entityId: id, issuedBy: actor.id });
        number = n.formatted;
        await tx.minutes.update({ where: { id }, data: { number: n.formatted, numberYear: n.year, numberSeq: n.value } });
      },
      get details() {
        return { number };
      },
    });
  }
}

/**
 * 审签: the office director and, for major matters, the relevant leaders sign, in order (RULES.md D15). A
 * signer the minutes do not (or no longer) need is FORBIDDEN.
 */
@Injectable()
export class SignMinutes extends MinutesBase {
  constructor(@Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>, @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }
  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.load(id, actor);
    const to = nextMinutesState(current.state as MinutesState, 'sign', actor, { required: [], signatures: [] });
    const posts = await this.postsOf(actor);
    const req = required(current);
    const before = missingSignatures(req, signaturesOf(current.signatures));
    // Strictly in order: the signature must be the next one the chain needs (no skipped step, no 倒签).
    const next = before[0];
    const prefix = next ? req.slice(0, req.indexOf(next) + 1) : [];
    const withMine = [...signaturesOf(current.signatures), { signerId: actor.id, roles: actor.roles, posts, at: now }];
    if (!next || missingSignatures(prefix, withMine).length > 0) {
      throw GovError.forbidden(next ? `the next signature is ${signerLabel(next)}` : 'the minutes need no further signature', { missing: before.map(signerLabel) });
    }
    return this.step(context, current, {
      at: now,
      action: 'sign',
      to,
      details: { posts },
      also: (tx) => tx.minutesSignature.create({ data: { minutesId: id, signerId: actor.id, signerName: actor.name, roles: actor.roles, posts, step: 'sign', at: now } }),
    });
  }
}

/** Signing is complete with every required signature, in order (CONFLICT naming those missing). */
@Injectable()
export class CompleteMinutesSigning extends MinutesBase {
  constructor(
    @Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {
    super(db, uow, clock);
  }
  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.load(id, actor);
    const signatures = signaturesOf(current.signatures);
    const to = nextMinutesState(current.state as MinutesState, 'complete-signing', actor, { required: required(current), signatures });
    const signedAt = signatures.reduce((a, s) => (s.at.getTime() > a.getTime() ? s.at : a), new Date(0));
    const due = issueDueAfterSigning(signedAt, this.calendars.calendar, this.settings.minutes, this.settings.time);
    return this.step(context, current, {
      at: now,
      action: 'complete-signing',
      to,
      data: { signedAt, issueDueAfterSigningAt: due.dueAt },
      details: { signedAt: signedAt.toISOString(), issueDue: due.dueDate },
    });
  }
}

/**
 * 印发, the day after signing (seed 004 L91; later is recorded as late): each decision becomes one item of
 * gov.meetings.minutes.issued, numbered from 1, which supervision turns into supervision items. Classified
 * minutes carry neither title nor decision text.
 */
@Injectable()
export class IssueMinutes extends MinutesBase {
  constructor(@Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>, @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }
  async execute({ id, majorIssueMinutesNumber }: z.infer<typeof meetings.issueMinutes.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await this.load(id, actor);
    const to = nextMinutesState(current.state as MinutesState, 'issue', actor, { required: [], signatures: [] });
    // 重大问题会议纪要 written alongside (SCENARIOS seed000-b #1): refused before anything is written.
    assertSeparateMajorIssueMinutes(current.meeting.typeCode, current.major, majorIssueMinutesNumber);
    const separate = majorIssueMinutesNumber?.trim() ? { majorIssueMinutesNumber: majorIssueMinutesNumber.trim() } : {};
    const classification = current.classification as Classification;
    const items = minutesIssuedItems({ typeCode: current.meeting.typeCode, classification, decisions: current.decisions as unknown[] });
    const dueTimes = [current.issueDueAfterSigningAt, current.issueDueAt].filter((d): d is Date => d !== null);
    const late = dueTimes.some((d) => now.getTime() > d.getTime());
    return this.step(context, current, {
      at: now,
      action: 'issue',
      to,
      data: { issuedAt: now, issuedLate: late },
      details: { number: current.number, decisions: items.length, late, ...separate },
      event: {
        contract: meetings.minutesIssued,
        data: () => ({
          minutesId: current.id,
          meetingId: current.meetingId,
          meetingType: current.meeting.typeCode,
          number: current.number!,
          title: classification === 'none' ? current.title : null,
          classification,
          issuedOn: beijingDate(now),
          issuedAt: now.toISOString(),
          issuedBy: actor.id,
          // Each says who follows it up: 副区长专题会议 the liaison cadre, not 督查室 (seed 002 L459).
          decisions: issuedDecisions(items),
        }),
      },
    });
  }
}

/** One set of minutes; classified minutes beyond the caller's clearance answer as unknown, and reads are audited. */
@Injectable()
export class GetMinutes extends MinutesBase {
  constructor(@Inject(DATABASE) db: InstanceType<typeof MeetingsDatabase>, @Inject(UNIT_OF_WORK) uow: UnitOfWork<MeetingsTx>, @Inject(CLOCK) clock: Clock) {
    super(db, uow, clock);
  }
  async execute({ id }: { id: string }, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, MEETING_READERS)) throw GovError.forbidden('you may not read minutes');
    const row = await this.db.minutes.findUnique({ where: { id }, include: INCLUDE });
    if (!row) throw NO_SUCH_MINUTES();
    await gateClassifiedRead(this.uow, context, {
      entityType: 'minutes',
      auditPrefix: 'minutes',
      id,
      classification: row.classification,
      allowed: clearanceAtLeast(actor.clearance, row.classification as Classification),
      notFound: NO_SUCH_MINUTES,
      at: this.clock.now(),
    });
    return toMinutesView(row);
  }
}
