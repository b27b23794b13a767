import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { hasAnyRole } from '@gov/auth';
import { GovError, meetings } from '@gov/contracts';
import type { Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import type { OfficeMeetingItem as ItemRow, Prisma } from '../generated/prisma/client.js';
import { meetingForChange, MEETING_READERS } from '../meetings/meeting-store.js';
import { MEETINGS_SETTINGS } from '../meetings/settings.module.js';
import type { MeetingsSettings } from '../meetings/settings.js';
import {
  assertDecisionMethod,
  assertNotAdHocMotion,
  assertQuorum,
  assertSpeakingOrder,
  quorumCheck,
  requiresCollectiveDecision,
  tallyCandidates,
  tallyItem,
  type Body,
  type Matter,
  type OfficeMeetingItem,
  type OfficeMeetingSettings,
  type Tally,
} from './office-meeting.rules.js';

type DecideInput = z.infer<typeof meetings.decideOfficeItem.input>;
type View = meetings.OfficeItemView;
type MatterInput = z.infer<typeof meetings.MatterSchema>;

const OFFICE_MEETING = 'office-affairs-meeting';
const AMOUNT_KINDS = new Set(['investment-project', 'one-time-purchase', 'unbudgeted-expense']);

/** The wire's matter as the rules read it: projects, purchases and unbudgeted spending need their amount. */
export function toMatter(m: MatterInput): Matter {
  if (AMOUNT_KINDS.has(m.kind)) {
    if (m.amount === undefined) throw GovError.badInput(`a ${m.kind} needs its amount in yuan`, { field: 'matter.amount' });
    return { kind: m.kind, amount: m.amount } as Matter;
  }
  return { kind: m.kind } as Matter;
}

function tallyView(candidateId: string | null, t: Tally): View['tallies'][number] {
  return {
    candidateId,
    agree: t.agree,
    disagree: t.disagree,
    defer: t.defer,
    shouldAttend: t.shouldAttend,
    notCounted: t.notCounted.map((b) => b.memberId),
    outcome: t.outcome,
  };
}

function toView(row: ItemRow, settings: OfficeMeetingSettings): View {
  const matter = row.matter as MatterInput;
  return {
    id: row.id,
    meetingId: row.meetingId,
    title: row.title,
    kind: row.kind as View['kind'],
    matter,
    requiresCollectiveDecision: requiresCollectiveDecision(toMatter(matter), settings),
    members: row.members,
    present: row.present,
    conflictedMemberIds: row.conflictedMemberIds,
    chairId: row.chairId,
    tallies: row.tallies as View['tallies'],
    decidedAt: row.decidedAt.toISOString(),
    decidedBy: row.decidedById,
  };
}

/**
 * 室务会 decides one item (seed 003 L13@c2361–3626, c6449–7602; RULES.md D18): the members are the meeting's
 * attendees, those present are those signed in. In order: no ad-hoc 三重一大 motion (DEADLINE_RULE); the quorum,
 * half, two thirds for cadre items, without the members who step out (CONFLICT); the chair speaks last after
 * every other present member (CONFLICT); the ballots: a conflicted member's is FORBIDDEN, an absent member's
 * written opinion is recorded and not counted, every present member states one, 三重一大 with reasons, cadre
 * candidates one by one; passed with more than half of all members who should attend.
 */
@Injectable()
export class DecideOfficeItem {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<MeetingsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}

  async execute(input: DecideInput, context: RequestContext): Promise<View> {
    const { actor } = context;
    if (!hasAnyRole(actor, ['clerk'])) throw GovError.forbidden('the 室务会 secretary (clerk) records its decisions');
    const now = this.clock.now();
    const meeting = await meetingForChange(this.db, input.meetingId, actor);
    if (meeting.typeCode !== OFFICE_MEETING) throw GovError.badInput('items are decided in a 室务会 (office-affairs-meeting)', { typeCode: meeting.typeCode });
    if (meeting.state !== 'notified' && meeting.state !== 'held') throw GovError.conflict('the 室务会 has not been convened', { state: meeting.state });
    const chairId = meeting.chair;
    if (!chairId || !meeting.attendees.includes(chairId)) throw GovError.conflict('the 室务会 needs its chair among its members', { chair: chairId });
    const matter = toMatter(input.matter);
    assertNotAdHocMotion(matter, input.adHocMotion, input.emergency, this.settings.officeMeetings);
    const body: Body = {
      memberIds: meeting.attendees,
      presentIds: meeting.attendance.filter((a) => a.signedInAt).map((a) => a.attendeeId),
    };
    const item: OfficeMeetingItem = {
      id: randomUUID(),
      kind: input.kind,
      conflictedMemberIds: input.conflictedMemberIds,
      tripleOneMajor: input.tripleOneMajor || requiresCollectiveDecision(matter, this.settings.officeMeetings) && input.matter.kind !== 'routine',
      emergency: input.emergency,
      largeDivergence: input.largeDivergence,
    };
    assertQuorum(body, item, this.settings.officeMeetings);
    assertSpeakingOrder(body, item, chairId, input.speakingOrder);
    const present = new Set(body.presentIds);
    const wrongWritten = input.ballots.filter((b) => b.written && present.has(b.memberId)).map((b) => b.memberId);
    if (wrongWritten.length > 0) throw GovError.badInput(`present members state their opinions at the meeting: ${wrongWritten.join(', ')}`, { wrongWritten });
    const ballots = input.ballots.map((b) => ({ memberId: b.memberId, opinion: b.opinion, ...(b.reason ? { reason: b.reason } : {}), candidateIds: b.candidateIds ?? [] }));
    let tallies: View['tallies'];
    if (input.candidateIds.length > 0) {
      const per = tallyCandidates(body, item, input.candidateIds, ballots, this.settings.officeMeetings);
      tallies = input.candidateIds.map((c) => tallyView(c, per.get(c)!));
    } else {
      tallies = [tallyView(null, tallyItem(body, item, ballots, this.settings.officeMeetings))];
    }
    const q = quorumCheck(body, item, this.settings.officeMeetings);
    const row = await this.uow.run(async (tx) => {
      const created = await tx.officeMeetingItem.create({
        data: {
          id: item.id,
          meetingId: meeting.id,
          title: input.title,
          kind: input.kind,
          matter: input.matter as Prisma.InputJsonValue,
          conflictedMemberIds: input.conflictedMemberIds,
          chairId,
          speakingOrder: input.speakingOrder,
          candidateIds: input.candidateIds,
          ballots: input.ballots as Prisma.InputJsonValue,
          tallies: tallies as Prisma.InputJsonValue,
          members: q.members,
          present: q.present,
          decidedAt: now,
          decidedById: actor.id,
        },
      });
      await recordChange(tx, context, {
        at: now,
        entityType: 'office-meeting-item',
        entityId: item.id,
        action: 'office-meeting.decide-item',
        details: { meetingId: meeting.id, kind: input.kind, outcomes: tallies.map((t) => t.outcome), present: q.present, members: q.members },
      });
      return created;
    });
    return toView(row, this.settings.officeMeetings);
  }
}

@Injectable()
export class ListOfficeItems {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof MeetingsDatabase>,
    @Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings,
  ) {}
  async execute({ meetingId }: { meetingId: string }, { actor }: RequestContext): Promise<{ items: View[] }> {
    if (!hasAnyRole(actor, MEETING_READERS)) throw GovError.forbidden('you may not read 室务会 decisions');
    await meetingForChange(this.db, meetingId, actor);
    const rows = await this.db.officeMeetingItem.findMany({ where: { meetingId }, orderBy: { decidedAt: 'asc' } });
    return { items: rows.map((row) => toView(row, this.settings.officeMeetings)) };
  }
}

/**
 * Whether a matter may be decided this way (SCENARIOS.md seed003 #3, #4): 三重一大 matters (projects ≥
 * ¥100,000, purchases ≥ ¥50,000, unbudgeted spending ≥ ¥50,000, cadre, major decisions, …) only in a 室务会,
 * not by circulation or consultation (CONFLICT), except in an emergency, reported afterwards.
 */
@Injectable()
export class CheckDecisionMethod {
  constructor(@Inject(MEETINGS_SETTINGS) private readonly settings: MeetingsSettings) {}

  async execute(
    input: z.infer<typeof meetings.checkDecisionMethod.input>,
    { actor }: RequestContext,
  ): Promise<{ requiresCollectiveDecision: boolean; followUpReport: boolean }> {
    if (!hasAnyRole(actor, MEETING_READERS)) throw GovError.forbidden('you may not ask this');
    const matter = toMatter(input.matter);
    const { followUpReport } = assertDecisionMethod(matter, input.method, input.emergency, this.settings.officeMeetings);
    return { requiresCollectiveDecision: requiresCollectiveDecision(matter, this.settings.officeMeetings), followUpReport };
  }
}
