import { DurationSchema, type Duration, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { z } from 'zod';
import {
  beijingDate,
  checkLeadTime,
  closeOfBusinessOn,
  DEFAULT_TIME_SETTINGS,
  workingDays,
  type LeadTimeCheck,
  type TimeSettings,
} from './lead-time.js';
import { meetingType } from './meeting-types.js';

/**
 * Meeting and activity notices (会议通知): how far ahead they go out, how far ahead the materials go, and the
 * daily list of units that have not signed for a notice.
 *
 * Where a seed gives "N天" without saying 工作日, the lead is counted in working days: of the two readings it
 * always gives the earlier latest date (the stricter one). RULES.md D3.
 */

/**
 * Settings; each is a {@link Duration} with its unit.
 * - `general` 1 working day: 一般会议和公务活动 "应提前一个工作日将书面通知发给参加区领导" (seed 000 L58).
 * - `activity` 1 working day: 重大公务活动 "活动通知一般于活动开始前一个工作日发给参会人员" (seed 000 L86).
 * - `large` 2 working days: 大型会议 "会议通知一般于会议开始前两个工作日发给参会人员" (seed 000 L68).
 * - `majorIssues` 2 working days and `cadreMatters` 1 working day: "凡区委常委会议、常委(扩大)会议和区政府常务会议
 *   涉及讨论重大问题的,会议通知应提前两个工作日发给正式与会人员,涉及干部人事问题的为一个工作日" (seed 000 L68).
 * - `officeAffairs` 1 working day: 室务会 "一般应提前 1 天通知" (seed 003 L13@c3150; unit unstated → working).
 * - `executiveMaterials` 2 working days: 常务会议 "将排定的议题及相关材料在开会前1—2天呈报…出席人员及列席人员阅研"
 *   (seed 004 L75): the range's stricter end, unit unstated → working.
 */
export const NoticeSettingsSchema = z.strictObject({
  general: DurationSchema.default(workingDays(1)),
  activity: DurationSchema.default(workingDays(1)),
  large: DurationSchema.default(workingDays(2)),
  majorIssues: DurationSchema.default(workingDays(2)),
  cadreMatters: DurationSchema.default(workingDays(1)),
  officeAffairs: DurationSchema.default(workingDays(1)),
  executiveMaterials: DurationSchema.default(workingDays(2)),
});
export type NoticeSettings = z.infer<typeof NoticeSettingsSchema>;
export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = NoticeSettingsSchema.parse({});

/** What the notice rule needs to know about the meeting or activity. */
export interface NoticeSubject {
  /** A meeting type code (meeting-types.ts), or an official activity (公务活动, seed 000 L52, L82–94). */
  readonly kind: 'meeting' | 'activity';
  readonly typeCode?: string;
  readonly startsAt: Date;
  /** A meeting of a general type held at the scale of a 大型会议 (seed 000 L64: "根据会议类型和领导要求"). */
  readonly large?: boolean;
  /** For 常委会 / 常务会议: the topics include major issues (重大问题) / cadre and personnel matters (干部人事问题). */
  readonly majorIssues?: boolean;
  readonly cadreMatters?: boolean;
  /**
   * 临时安排的会议或活动 (seed 000 L60) or 特殊情况 (seed 003 L13@c3150): the notice may go out late, and the handler
   * must phone the attending leaders when the written notice cannot reach them (L60).
   */
  readonly adHoc?: boolean;
}

export type NoticeBasis = 'general' | 'activity' | 'large' | 'major-issues' | 'cadre-matters' | 'office-affairs';

/**
 * The lead time a notice needs, or null when the meeting may be called at any time (主任办公会议, seed 003
 * L13@c5489). 常委会 / 常务会议: major issues 2 working days; only cadre and personnel matters 1; with both, the
 * stricter 2; with neither, the large-meeting default 2 ("一般于会议开始前两个工作日", L68).
 */
export function noticeLeadTime(
  subject: NoticeSubject,
  settings: NoticeSettings = DEFAULT_NOTICE_SETTINGS,
): { lead: Duration; basis: NoticeBasis } | null {
  if (subject.kind === 'activity') return { lead: settings.activity, basis: 'activity' };
  if (!subject.typeCode) throw GovError.badInput('a meeting notice needs the meeting type', { field: 'typeCode' });
  const type = meetingType(subject.typeCode);
  switch (type.noticeClass) {
    case 'any-time':
      return null;
    case 'office-affairs':
      return { lead: settings.officeAffairs, basis: 'office-affairs' };
    case 'standing-or-executive':
      if (subject.majorIssues) return { lead: settings.majorIssues, basis: 'major-issues' };
      if (subject.cadreMatters) return { lead: settings.cadreMatters, basis: 'cadre-matters' };
      return { lead: settings.large, basis: 'large' };
    case 'large':
      return { lead: settings.large, basis: 'large' };
    case 'general':
      return subject.large ? { lead: settings.large, basis: 'large' } : { lead: settings.general, basis: 'general' };
  }
}

export interface NoticeTiming {
  readonly lead: Duration | null;
  readonly basis: NoticeBasis | null;
  readonly check: LeadTimeCheck | null;
  /** Sent after the latest date. */
  readonly late: boolean;
  /** Late but allowed as ad hoc: the handler phones the attending leaders (seed 000 L60). */
  readonly phoneAttendingLeaders: boolean;
}

/** How a notice sent at `sentAt` stands against its lead time (sent by close of business on the latest date). */
export function noticeTiming(
  subject: NoticeSubject,
  sentAt: Date,
  calendar: WorkingCalendar,
  settings: NoticeSettings = DEFAULT_NOTICE_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): NoticeTiming {
  const rule = noticeLeadTime(subject, settings);
  if (!rule) return { lead: null, basis: null, check: null, late: false, phoneAttendingLeaders: false };
  const check = checkLeadTime(calendar, sentAt, beijingDate(subject.startsAt), rule.lead, time);
  const late = !check.held;
  return { lead: rule.lead, basis: rule.basis, check, late, phoneAttendingLeaders: late && subject.adHoc === true };
}

/**
 * Refuses a late notice with DEADLINE_RULE, unless the meeting is ad hoc (临时安排 / 特殊情况); then the result
 * says the leaders must be phoned.
 */
export function assertNoticeInTime(
  subject: NoticeSubject,
  sentAt: Date,
  calendar: WorkingCalendar,
  settings: NoticeSettings = DEFAULT_NOTICE_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): NoticeTiming {
  const timing = noticeTiming(subject, sentAt, calendar, settings, time);
  if (timing.late && !subject.adHoc) {
    throw new GovError(
      'DEADLINE_RULE',
      `the notice needs ${timing.lead!.amount} ${timing.lead!.unit} day(s) (${timing.basis}); the latest was close of business on ${timing.check!.latestDate}`,
      { basis: timing.basis, required: timing.lead, latestDate: timing.check!.latestDate, countedOn: timing.check!.countedOn },
    );
  }
  return timing;
}

/**
 * When the meeting materials must reach the attendees, or null where the seeds give no lead: 常务会议 topics
 * and materials 1–2 days before (seed 004 L75). (常委会 topic materials go from the proposing unit to 秘书二室
 * 3 days before: a topic deadline, topic.rules.ts.)
 */
export function materialsLeadTime(typeCode: string, settings: NoticeSettings = DEFAULT_NOTICE_SETTINGS): Duration | null {
  return meetingType(typeCode).code === 'executive-meeting' ? settings.executiveMaterials : null;
}

export function assertMaterialsInTime(
  typeCode: string,
  startsAt: Date,
  distributedAt: Date,
  calendar: WorkingCalendar,
  settings: NoticeSettings = DEFAULT_NOTICE_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): LeadTimeCheck | null {
  const lead = materialsLeadTime(typeCode, settings);
  if (!lead) return null;
  const check = checkLeadTime(calendar, distributedAt, beijingDate(startsAt), lead, time);
  if (!check.held) {
    throw new GovError('DEADLINE_RULE', `the materials must reach the attendees by close of business on ${check.latestDate}`, {
      required: lead,
      latestDate: check.latestDate,
    });
  }
  return check;
}

/** An issued notice, for sign-for tracking. */
export interface IssuedNotice {
  readonly id: string;
  readonly sentAt: Date;
  readonly meetingStartsAt: Date;
  readonly recipientUnits: readonly string[];
}

export interface SignFor {
  readonly noticeId: string;
  readonly unit: string;
  readonly at: Date;
}

/** Units that had not signed for `notice` at `asOf`. */
export function unsignedUnits(notice: IssuedNotice, signFors: readonly SignFor[], asOf: Date): string[] {
  const signed = new Set(
    signFors.filter((s) => s.noticeId === notice.id && s.at.getTime() <= asOf.getTime()).map((s) => s.unit),
  );
  return [...new Set(notice.recipientUnits)].filter((u) => !signed.has(u)).sort();
}

/**
 * The daily list (seed 000 L60 "每天下班前要上协同办公网检查通知的签收情况,对未及时签收的单位要电话提醒"): at close of
 * business on each working day, for each notice already sent whose meeting is still ahead, the units that
 * have not signed, to be phoned. Non-working days have no check (the office is closed); a notice whose
 * meeting has begun is no longer chased.
 */
export function dailyUnsignedList(
  notices: readonly IssuedNotice[],
  signFors: readonly SignFor[],
  date: IsoDate,
  calendar: WorkingCalendar,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): Array<{ noticeId: string; units: string[] }> {
  if (!calendar.isWorkingDay(date)) return [];
  const checkAt = closeOfBusinessOn(date, time);
  return notices
    .filter((n) => n.sentAt.getTime() <= checkAt.getTime() && n.meetingStartsAt.getTime() > checkAt.getTime())
    .map((n) => ({ noticeId: n.id, units: unsignedUnits(n, signFors, checkAt) }))
    .filter((r) => r.units.length > 0);
}
