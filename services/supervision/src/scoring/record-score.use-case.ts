import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import { addCalendarDays, toIsoDate, type Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork, recordChange } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import {
  assertEvidenceAccepted, assertScoreEntry, entryPoints, isLeaderAssignedMatterLate, leaderAssignedMatterDue, quarterOf, scoreItem, sectionAt, type ScoreEntry,
} from './section-scoring.rules.js';
import { DEFAULT_SCORING_SETTINGS } from './scoring.settings.js';
import { toEntryView } from './score-entries.mapper.js';

const SETTINGS = DEFAULT_SCORING_SETTINGS;

/** Who records scores: 综合股 leads the scoring and 督查室 cooperates (seed 002 L37); the director oversees. */
export const SCORE_RECORDERS = ['supervisor', 'director'] as const;
/** Who reads the scores. */
export const SCORE_READERS = ['supervisor', 'director', 'deputy-director', 'auditor'] as const;

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
}

type Input = z.infer<typeof supervision.recordScore.input>;

/**
 * One deduction or addition of seed 002's table (L40–44) against a section, or against a person and so the
 * section the person was posted to on the day (L45). The evidence comes before the 28th of the quarter's last
 * month, signed by the providing section's cadre in charge (L46): late evidence is DEADLINE_RULE (or marked late,
 * per the settings). A once-a-year item is recorded once per person or section and year (BAD_USER_INPUT).
 */
@Injectable()
export class RecordScore {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<supervision.ScoreEntryView> {
    const { actor } = context;
    if (!hasAnyRole(actor, SCORE_RECORDERS)) throw GovError.forbidden('scores are recorded by 督查室 or the director', { requiredRoles: [...SCORE_RECORDERS] });
    const now = this.clock.now();
    const today = toIsoDate(now);
    if (input.on > today) throw GovError.badInput(`on ${input.on} is after today (${today})`, { field: 'on' });
    if (input.evidenceSubmittedOn > today) throw GovError.badInput(`the evidence date ${input.evidenceSubmittedOn} is after today`, { field: 'evidenceSubmittedOn' });
    if (input.evidenceSubmittedOn < input.on) throw GovError.badInput('evidence cannot precede the event', { field: 'evidenceSubmittedOn' });

    let sectionId = input.sectionId;
    const personId = input.personId ?? null;
    if (personId) {
      const postings = await this.db.scorePosting.findMany({ where: { personId } });
      const posted = sectionAt(postings, personId, input.on);
      if (sectionId && sectionId !== posted) {
        throw GovError.badInput(`${personId} was in section ${posted} on ${input.on}, not ${sectionId}`, { field: 'sectionId' });
      }
      sectionId = posted;
    }
    const entry: ScoreEntry = { code: input.code, count: input.count, on: input.on, sectionId: sectionId!, personId, criticisedByLeader: input.criticisedByLeader };
    assertScoreEntry(entry, SETTINGS);
    const item = scoreItem(input.code, SETTINGS);
    const leaderMatter = this.leaderMatter(input, item.needsCriticism);
    const year = Number(input.on.slice(0, 4));
    const quarter = quarterOf(input.on);
    const evidenceStatus = assertEvidenceAccepted(
      { year, quarter, submittedOn: input.evidenceSubmittedOn, signedByCadreInCharge: input.signedByCadreInCharge },
      SETTINGS,
    );
    const points = entryPoints(entry, SETTINGS);
    const yearlyKey = item.per === 'year' ? `${item.code}|${year}|${personId ?? `section:${sectionId}`}` : null;
    const id = randomUUID();
    try {
      const row = await this.uow.run(async (tx) => {
        const created = await tx.scoreEntry.create({
          data: {
            id,
            code: input.code,
            count: input.count,
            points,
            on: input.on,
            year,
            quarter,
            sectionId: sectionId!,
            personId,
            criticisedByLeader: input.criticisedByLeader,
            evidenceSubmittedOn: input.evidenceSubmittedOn,
            evidenceStatus,
            evidenceFrom: item.evidenceFrom,
            note: input.note ?? null,
            yearlyKey,
            recordedAt: now,
            recordedById: actor.id,
            recordedByName: actor.name,
          },
        });
        await recordChange(tx, context, {
          at: now,
          entityType: 'score-entry',
          entityId: id,
          action: 'score.record',
          details: { code: input.code, count: input.count, points, on: input.on, sectionId, personId, evidenceStatus, seed: item.seed, ...(leaderMatter ? { leaderMatter } : {}) },
          event: {
            contract: supervision.scoreRecorded,
            data: { entryId: id, code: input.code, points, on: input.on, sectionId: sectionId!, personId, evidenceStatus, recordedBy: actor.id },
          },
        });
        return created;
      });
      return toEntryView(row, SETTINGS);
    } catch (e) {
      if (isUniqueViolation(e)) throw GovError.badInput(`${item.zh} counts once a year: recorded already in ${year}`, { field: 'code', code: item.code });
      throw e;
    }
  }

  /**
   * "领导交办事项要求原则上2个工作日办结，如未按时办结受到交办领导批评算工作失误一次" (L44): the matter's dates are
   * required, and it must have been late on the day of the entry (done after its due date, or still open after it).
   */
  private leaderMatter(input: Input, needed: boolean): { assignedOn: string; doneOn: string | null; dueOn: string } | null {
    if (!needed) {
      if (input.leaderMatter) throw GovError.badInput(`leaderMatter belongs to a late leader-assigned matter only`, { field: 'leaderMatter' });
      return null;
    }
    if (!input.leaderMatter) throw GovError.badInput('a late leader-assigned matter needs the day it was assigned (leaderMatter)', { field: 'leaderMatter' });
    const { assignedOn } = input.leaderMatter;
    const doneOn = input.leaderMatter.doneOn ?? null;
    const calendar = this.calendars.calendar;
    const dueOn = leaderAssignedMatterDue(calendar, assignedOn, SETTINGS);
    if (!isLeaderAssignedMatterLate(calendar, assignedOn, doneOn, input.on, SETTINGS)) {
      throw GovError.badInput(`the matter assigned on ${assignedOn} was due by ${dueOn} and was not late on ${input.on}`, {
        field: 'leaderMatter',
        dueOn,
      });
    }
    return { assignedOn, doneOn, dueOn };
  }
}

type PostingOutput = z.infer<typeof supervision.recordPosting.output>;

/**
 * A person's posting to a section from a day (调整工作岗位, L45): the open posting ends the day before. A posting
 * may not start on or before the start of the person's latest posting (CONFLICT): history is not rewritten.
 */
@Injectable()
export class RecordPosting {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof supervision.recordPosting.input>, context: RequestContext): Promise<PostingOutput> {
    if (!hasAnyRole(context.actor, SCORE_RECORDERS)) throw GovError.forbidden('postings are recorded by 督查室 or the director', { requiredRoles: [...SCORE_RECORDERS] });
    const now = this.clock.now();
    const postings = await this.uow.run(async (tx) => {
      // One posting change per person at a time: the row lock keeps two concurrent changes from both ending it.
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtext($1))', `score-posting:${input.personId}`);
      const latest = await tx.scorePosting.findFirst({ where: { personId: input.personId }, orderBy: { from: 'desc' } });
      if (latest && latest.from >= input.from) {
        throw GovError.conflict(`${input.personId} has a posting from ${latest.from}; a new one starts later`, { latest: latest.from });
      }
      if (latest && latest.to === null) {
        await tx.scorePosting.update({ where: { id: latest.id }, data: { to: addCalendarDays(input.from, -1) } });
      }
      const id = randomUUID();
      await tx.scorePosting.create({ data: { id, personId: input.personId, sectionId: input.sectionId, from: input.from, to: null, recordedAt: now } });
      await recordChange(tx, context, {
        at: now,
        entityType: 'score-posting',
        entityId: id,
        action: 'score.post',
        details: { personId: input.personId, sectionId: input.sectionId, from: input.from },
      });
      return tx.scorePosting.findMany({ where: { personId: input.personId }, orderBy: { from: 'asc' } });
    });
    return { personId: input.personId, postings: postings.map((p) => ({ sectionId: p.sectionId, from: p.from, to: p.to })) };
  }
}
