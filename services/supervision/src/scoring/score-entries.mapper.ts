import type { supervision } from '@gov/contracts';
import type { ScoreEntry as ScoreEntryRow } from '../generated/prisma/client.js';
import type { ScoreEntry } from './section-scoring.rules.js';
import { scoreItem } from './section-scoring.rules.js';
import type { ScoringSettings } from './scoring.settings.js';

export function toEntryView(row: ScoreEntryRow, settings: ScoringSettings): supervision.ScoreEntryView {
  const item = scoreItem(row.code, settings);
  return {
    id: row.id,
    code: row.code,
    zh: item.zh,
    count: row.count,
    points: row.points,
    on: row.on,
    quarter: row.quarter,
    sectionId: row.sectionId,
    personId: row.personId,
    criticisedByLeader: row.criticisedByLeader,
    evidenceSubmittedOn: row.evidenceSubmittedOn,
    evidenceStatus: row.evidenceStatus as 'on-time' | 'late',
    seed: item.seed,
    mayBeHandledSeparately: item.mayBeHandledSeparately,
    note: row.note,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: { id: row.recordedById, name: row.recordedByName },
  };
}

/** The pure rules' entry from a stored row. */
export function toRuleEntry(row: ScoreEntryRow): ScoreEntry {
  return { code: row.code, count: row.count, on: row.on, sectionId: row.sectionId, personId: row.personId, criticisedByLeader: row.criticisedByLeader };
}
