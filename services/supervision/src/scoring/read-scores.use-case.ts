import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import { toIsoDate, type Clock } from '@gov/calendar';
import { CLOCK, DATABASE, type RequestContext } from '@gov/service-kit';
import type { SupervisionDatabase } from '../database.js';
import { personScore, sectionScores, yearEndRanking } from './section-scoring.rules.js';
import { itemTiming, unitScores, type UnitItemOutcome } from './unit-scoring.rules.js';
import { DEFAULT_SCORING_SETTINGS } from './scoring.settings.js';
import { toEntryView, toRuleEntry } from './score-entries.mapper.js';
import { SCORE_READERS } from './record-score.use-case.js';
import { supervisionTables } from '../statistics/supervision-tables.js';

const SETTINGS = DEFAULT_SCORING_SETTINGS;

function assertReader(actor: Actor): void {
  if (!hasAnyRole(actor, SCORE_READERS)) throw GovError.forbidden('you may not read the scores', { requiredRoles: [...SCORE_READERS] });
}

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** A section's score for a year: the base, the entries of the section and of its people (L45), its postings. */
@Injectable()
export class GetSectionScore {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute(input: z.infer<typeof supervision.sectionScore.input>, { actor }: RequestContext): Promise<z.infer<typeof supervision.sectionScore.output>> {
    assertReader(actor);
    const { from, to } = yearRange(input.year);
    const [rows, postings] = await Promise.all([
      this.db.scoreEntry.findMany({ where: { year: input.year, sectionId: input.sectionId }, orderBy: [{ on: 'asc' }, { recordedAt: 'asc' }] }),
      this.db.scorePosting.findMany({
        where: { sectionId: input.sectionId, from: { lte: to }, OR: [{ to: null }, { to: { gte: from } }] },
        orderBy: [{ from: 'asc' }, { personId: 'asc' }],
      }),
    ]);
    const score = sectionScores(rows.map(toRuleEntry), [input.sectionId], input.year, SETTINGS).get(input.sectionId)!;
    return {
      sectionId: input.sectionId,
      year: input.year,
      base: SETTINGS.base,
      score,
      entries: rows.map((r) => toEntryView(r, SETTINGS)),
      postings: postings.map((p) => ({ personId: p.personId, from: p.from, to: p.to })),
    };
  }
}

/** A person's score for a year: base 100 plus their own entries (L39). */
@Injectable()
export class GetPersonScore {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute(input: z.infer<typeof supervision.personScore.input>, { actor }: RequestContext): Promise<z.infer<typeof supervision.personScore.output>> {
    assertReader(actor);
    const rows = await this.db.scoreEntry.findMany({ where: { year: input.year, personId: input.personId }, orderBy: [{ on: 'asc' }, { recordedAt: 'asc' }] });
    return {
      personId: input.personId,
      year: input.year,
      base: SETTINGS.base,
      score: personScore(rows.map(toRuleEntry), input.personId, input.year, SETTINGS),
      entries: rows.map((r) => toEntryView(r, SETTINGS)),
    };
  }
}

/**
 * The year-end ranking (L48) of every section that had people posted to it during the year or entries in it;
 * sections without entries keep the base.
 */
@Injectable()
export class GetYearEndRanking {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute({ year }: { year: number }, { actor }: RequestContext): Promise<z.infer<typeof supervision.yearEndRanking.output>> {
    assertReader(actor);
    const { from, to } = yearRange(year);
    const [rows, postings] = await Promise.all([
      this.db.scoreEntry.findMany({ where: { year } }),
      this.db.scorePosting.findMany({ where: { from: { lte: to }, OR: [{ to: null }, { to: { gte: from } }] }, select: { sectionId: true } }),
    ]);
    const sections = [...new Set([...postings.map((p) => p.sectionId), ...rows.map((r) => r.sectionId)])];
    const ranking = yearEndRanking(sectionScores(rows.map(toRuleEntry), sections, year, SETTINGS), SETTINGS);
    return { year, sections: ranking, advancedIndividuals: { ...SETTINGS.yearEnd.advancedIndividuals } };
  }
}

interface OutcomeRow {
  unit: string;
  due_on: string;
  reported_on: string | null;
  sent_back: number;
}

type UnitsOutput = z.infer<typeof supervision.unitScores.output>;

/**
 * Units' scores on the supervision items they lead (主办) that fall due in the year (unit-scoring.rules.ts): on
 * time, late, reports sent back. Read with one SQL query over supervision_item and its lead assignee; the
 * accepted report and the send-backs come from supervision_report where that table exists, else from the
 * item's history ('submit-report' before acceptance, 'return-report'). A unit liaison reads its own unit only.
 */
@Injectable()
export class GetUnitScores {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof supervision.unitScores.input>, { actor }: RequestContext): Promise<UnitsOutput> {
    let unit = input.unit ?? null;
    if (!hasAnyRole(actor, SCORE_READERS)) {
      if (!hasAnyRole(actor, ['unit-liaison'])) throw GovError.forbidden('you may not read the scores');
      if (unit && unit !== actor.unit) throw GovError.forbidden("a unit liaison reads only its own unit's score", { unit });
      unit = actor.unit;
    }
    const asOf = input.asOf ?? toIsoDate(this.clock.now());
    const tables = await supervisionTables(this.db);
    const reported = tables.reports
      ? `(SELECT to_char(min(r.submitted_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM supervision_report r
           WHERE r.item_id = i.id AND r.outcome = 'accepted' AND r.round = i.round)`
      : `(SELECT to_char(max(h.at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM supervision_item_history h
           WHERE h.item_id = i.id AND h.action = 'submit-report' AND i.state IN ('verified', 'fed-back', 'closed', 'archived'))`;
    const sentBack = tables.reports
      ? `(SELECT count(*) FROM supervision_report r WHERE r.item_id = i.id AND r.outcome = 'returned')`
      : `(SELECT count(*) FROM supervision_item_history h WHERE h.item_id = i.id AND h.action = 'return-report')`;
    const rows = await this.db.$queryRawUnsafe<OutcomeRow[]>(
      `SELECT a.unit, i.due_on, ${reported} AS reported_on, ${sentBack}::int AS sent_back
         FROM supervision_item i
         JOIN supervision_item_assignee a ON a.item_id = i.id AND a.role = 'lead'
        WHERE i.due_on LIKE $1 AND i.state <> 'declined' AND ($2::text IS NULL OR a.unit = $2)
        ORDER BY a.unit, i.due_on`,
      `${input.year}-%`,
      unit,
    );
    const outcomes: UnitItemOutcome[] = rows.map((r) => ({ unit: r.unit, due: r.due_on, reportedOn: r.reported_on, sentBack: Number(r.sent_back) }));
    const scores = unitScores(outcomes, input.year, asOf, SETTINGS);
    const byUnit = new Map<string, UnitsOutput['units'][number]>();
    for (const outcome of outcomes) {
      const u = byUnit.get(outcome.unit) ?? { unit: outcome.unit, score: scores.get(outcome.unit)!, items: 0, onTime: 0, late: 0, open: 0, sentBack: 0 };
      const timing = itemTiming(outcome, asOf);
      u.items += 1;
      u.onTime += timing === 'on-time' ? 1 : 0;
      u.late += timing === 'late' ? 1 : 0;
      u.open += timing === 'open' ? 1 : 0;
      u.sentBack += outcome.sentBack;
      byUnit.set(outcome.unit, u);
    }
    const units = [...byUnit.values()].sort((a, b) => b.score - a.score || a.unit.localeCompare(b.unit));
    return { year: input.year, asOf, base: SETTINGS.units.base, units };
  }
}
