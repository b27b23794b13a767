import type { IsoDate, WorkingCalendar } from '@gov/calendar';
import { DEFAULT_MINUTES_SETTINGS, supervisionFormDue, type MinutesSettings } from '../minutes/minutes.rules.js';
import { DEFAULT_TIME_SETTINGS, type TimeSettings } from '../meetings/lead-time.js';

/**
 * The 《督办事项交办单》's timing (seed 000 L640(2); SCENARIOS.md seed000-b #3): due 1 working day after the
 * research trip ended (supervisionFormDue); issued after that instant it is late. Late is flagged, not refused
 * (the section's DB6): refusing would lose the matters 督查室 must follow up.
 */
export function supervisionFormTiming(
  endedAt: Date,
  issuedAt: Date,
  calendar: WorkingCalendar,
  settings: MinutesSettings = DEFAULT_MINUTES_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): { dueDate: IsoDate; dueAt: Date; late: boolean } {
  const due = supervisionFormDue(endedAt, calendar, settings, time);
  return { ...due, late: issuedAt.getTime() > due.dueAt.getTime() };
}

/** The form's matters as the event carries them: numbered from 1 in the order given, co-units and due date explicit. */
export function numberedMatters(
  matters: readonly { matter: string; leadUnit: string; coUnits?: readonly string[]; dueOn?: string | null }[],
): { matterNo: number; matter: string; leadUnit: string; coUnits: string[]; dueOn: string | null }[] {
  return matters.map((m, i) => ({ matterNo: i + 1, matter: m.matter, leadUnit: m.leadUnit, coUnits: [...(m.coUnits ?? [])], dueOn: m.dueOn ?? null }));
}
