import type { Actor } from '@gov/auth';
import { DurationSchema, type Duration, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import { GovError } from '@gov/contracts';
import { formatYearNumber } from '@gov/persistence';
import { z } from 'zod';
import {
  beijingDate,
  checkLeadTime,
  DEFAULT_TIME_SETTINGS,
  workingDays,
  type TimeSettings,
} from '../meetings/lead-time.js';
import { applyTransition, type TransitionRow } from '../meetings/state-table.js';

/**
 * Meeting and activity requests for the weekly schedule (秘书科 收文办理, seed000-a W1): registration, the
 * admission review (审核), the opinion by request type (拟办), the review chain (送审, 呈批), the reply (办复).
 * Source: seed 000 L14–30; the return route is 办文科's (seed 000 L150); foreign-related requests, L124.
 */

/** The four kinds of incoming item the opinion distinguishes (seed 000 L20–26). */
export const REQUEST_TYPES = ['higher-level-meeting', 'inspection-visit', 'outside-study-visit', 'unit-meeting'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const RequestTypeSchema = z.enum(REQUEST_TYPES);

export const REQUEST_TYPE_NAMES_ZH: Readonly<Record<RequestType, string>> = {
  'higher-level-meeting': '省、市召开（举办）的会议（活动）',
  'inspection-visit': '上级领导来区视察、调研',
  'outside-study-visit': '外单位来我区参观学习',
  'unit-meeting': '区有关单位申请召开（举办）会议（活动）',
};

/**
 * Settings.
 * - `leadTime`: "报文时间是否提前10个工作日以上" (seed 000 L18): 10 working days, 以上 including 10.
 * - `reviewedTypes`: the admission review covers "区各部委办局、各街道和有关单位报送的请示、函" (seed 000 L18), i.e.
 *   requests from district bodies and letters from other units; notices from higher levels and their
 *   leaders' inspection visits are registered (L16) and get an opinion, but are not returned for lead time
 *   or form. RULES.md decision D4.
 */
export const RequestSettingsSchema = z.strictObject({
  leadTime: DurationSchema.default(workingDays(10)),
  reviewedTypes: z.array(RequestTypeSchema).default(['unit-meeting', 'outside-study-visit']),
});
export type RequestSettings = z.infer<typeof RequestSettingsSchema>;
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = RequestSettingsSchema.parse({});

/** What the clerk reads off an incoming request for the review (seed 000 L18). */
export interface MeetingRequest {
  readonly type: RequestType;
  readonly receivedAt: Date;
  /** 会议(活动)的时间、地点、规模、内容、参加人员、议程. */
  readonly startsAt: Date | null;
  readonly place: string | null;
  /** 规模: the expected number of people. */
  readonly scale: number | null;
  readonly content: string | null;
  readonly participants: readonly string[];
  readonly agenda: readonly string[];
  /** How many separate matters the request asks about (一文一事: exactly one). */
  readonly matterCount: number;
  /** Departments the matter touches, and those that were consulted (协商或征求意见). */
  readonly affectedDepartments: readonly string[];
  readonly consultedDepartments: readonly string[];
  /** Attachments the request names, and those actually attached. */
  readonly declaredAttachments: readonly string[];
  readonly attachedAttachments: readonly string[];
  readonly leaderToSpeak: boolean;
  readonly speechDraftAttached: boolean;
  /** Other irregular drafting the clerk noted (其他不规范行文), one note each. */
  readonly irregularities: readonly string[];
  /** 涉外政务活动 (seed 000 L124). */
  readonly foreignRelated: boolean;
}

export const REQUIRED_CONTENT_FIELDS = ['startsAt', 'place', 'scale', 'content', 'participants', 'agenda'] as const;
export type RequestContentField = (typeof REQUIRED_CONTENT_FIELDS)[number];

/** One failed admission check, typed; a returned request carries all of them as its reasons. */
export type AdmissionFailure =
  | { readonly check: 'complete'; readonly missing: readonly RequestContentField[] }
  | { readonly check: 'consulted'; readonly notConsulted: readonly string[] }
  | { readonly check: 'one-matter'; readonly matterCount: number }
  | { readonly check: 'lead-time'; readonly required: Duration; readonly actual: number; readonly latestDate: IsoDate }
  | { readonly check: 'attachments'; readonly missing: readonly string[] }
  | { readonly check: 'speech-draft' }
  | { readonly check: 'irregular'; readonly notes: readonly string[] };

export const ADMISSION_CHECK_NAMES_ZH: Readonly<Record<AdmissionFailure['check'], string>> = {
  complete: '公文内容不完整（时间、地点、规模、内容、参加人员、议程）',
  consulted: '涉及其他部门的事项未经协商或征求意见',
  'one-matter': '请示未一文一事',
  'lead-time': '报文时间未按规定提前（工作日）',
  attachments: '文件附件不齐全',
  'speech-draft': '需要领导讲话的未附讲话稿',
  irregular: '有其他不规范行文的情况',
};

function blank(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim().length === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'number') return !Number.isFinite(v) || v <= 0;
  return false;
}

/** Whether the admission review applies to a request of this type. */
export function isReviewed(type: RequestType, settings: RequestSettings = DEFAULT_REQUEST_SETTINGS): boolean {
  return settings.reviewedTypes.includes(type);
}

/**
 * The admission review (审核, seed 000 L18), returning EVERY failed check, in the order the seed lists them.
 * An empty list means the request is admitted ("经审查合格后方可办理"). Types outside `reviewedTypes` are always
 * admitted. Lead time is counted from the receipt (an item received after close of business counts the
 * next day) to the meeting's Beijing date.
 */
export function admissionFailures(
  request: MeetingRequest,
  calendar: WorkingCalendar,
  settings: RequestSettings = DEFAULT_REQUEST_SETTINGS,
  time: TimeSettings = DEFAULT_TIME_SETTINGS,
): AdmissionFailure[] {
  if (!isReviewed(request.type, settings)) return [];
  const failures: AdmissionFailure[] = [];
  const missing = REQUIRED_CONTENT_FIELDS.filter((f) => blank(request[f]));
  if (missing.length > 0) failures.push({ check: 'complete', missing });

  const consulted = new Set(request.consultedDepartments);
  const notConsulted = [...new Set(request.affectedDepartments)].filter((d) => !consulted.has(d));
  if (notConsulted.length > 0) failures.push({ check: 'consulted', notConsulted });

  if (request.matterCount !== 1) failures.push({ check: 'one-matter', matterCount: request.matterCount });

  if (request.startsAt) {
    const lead = checkLeadTime(calendar, request.receivedAt, beijingDate(request.startsAt), settings.leadTime, time);
    if (!lead.held) {
      failures.push({ check: 'lead-time', required: settings.leadTime, actual: lead.actual, latestDate: lead.latestDate });
    }
  }

  const attached = new Set(request.attachedAttachments);
  const missingAttachments = [...new Set(request.declaredAttachments)].filter((a) => !attached.has(a));
  if (missingAttachments.length > 0) failures.push({ check: 'attachments', missing: missingAttachments });

  if (request.leaderToSpeak && !request.speechDraftAttached) failures.push({ check: 'speech-draft' });

  const notes = request.irregularities.map((n) => n.trim()).filter((n) => n.length > 0);
  if (notes.length > 0) failures.push({ check: 'irregular', notes });
  return failures;
}

/**
 * Throws when a request is not admitted: DEADLINE_RULE if lead time is among the reasons, else
 * BAD_USER_INPUT; `details.reasons` holds every failed check.
 */
export function assertAdmitted(failures: readonly AdmissionFailure[]): void {
  if (failures.length === 0) return;
  const code = failures.some((f) => f.check === 'lead-time') ? 'DEADLINE_RULE' : 'BAD_USER_INPUT';
  throw new GovError(code, `the request fails review: ${failures.map((f) => f.check).join(', ')}`, {
    reasons: failures,
  });
}

/**
 * The opinion (拟办意见) must cover, by request type (seed 000 L20–26):
 * - higher-level meeting (L20): time, place, attending provincial/city leaders, who from the district must
 *   attend, whether a report or speech is needed, proposed district leaders, preparation of materials;
 * - inspection or research visit (L22): visiting leaders, time, place, research content, proposed district
 *   leaders and departments, itinerary, meeting place, meals, briefing materials;
 * - outside study visit (L24): head of delegation, number of visitors, study content, proposed leaders and
 *   departments, visit route, discussion venue, meals, introduction materials;
 * - a unit's own meeting (L26): time, place, proposed leaders and departments, content, agenda.
 */
export const OPINION_FIELDS: Readonly<Record<RequestType, readonly string[]>> = {
  'higher-level-meeting': [
    'time',
    'place',
    'attendingHigherLeaders',
    'districtAttendees',
    'reportOrSpeechNeeded',
    'proposedDistrictLeaders',
    'materialsPreparation',
  ],
  'inspection-visit': [
    'visitingLeaders',
    'time',
    'place',
    'researchContent',
    'proposedLeadersAndDepartments',
    'itinerary',
    'meetingPlace',
    'meals',
    'briefingMaterials',
  ],
  'outside-study-visit': [
    'delegationHead',
    'visitorCount',
    'studyContent',
    'proposedLeadersAndDepartments',
    'visitRoute',
    'discussionVenue',
    'meals',
    'introductionMaterials',
  ],
  'unit-meeting': ['time', 'place', 'proposedLeadersAndDepartments', 'content', 'agenda'],
};

/** Fields the opinion still lacks. A boolean answer (e.g. "no speech needed": false) counts as given. */
export function missingOpinionFields(type: RequestType, opinion: Readonly<Record<string, unknown>>): string[] {
  return OPINION_FIELDS[type].filter((f) => {
    const v = opinion[f];
    return typeof v === 'boolean' ? false : blank(v);
  });
}

export function assertOpinionComplete(type: RequestType, opinion: Readonly<Record<string, unknown>>): void {
  const missing = missingOpinionFields(type, opinion);
  if (missing.length > 0) {
    throw GovError.badInput(`the opinion for a ${type} request lacks ${missing.join(', ')}`, { missing });
  }
}

export type RequestState =
  | 'registered'
  | 'return-proposed'
  | 'return-endorsed'
  | 'returned'
  | 'opinion-drafted'
  | 'chief-reviewed'
  | 'deputy-reviewed'
  | 'with-foreign-affairs'
  | 'foreign-affairs-opinion-given'
  | 'with-leader'
  | 'approved'
  | 'declined'
  | 'replied'
  | 'archived';

export type RequestAction =
  | 'register'
  | 'propose-return'
  | 'endorse-return'
  | 'approve-return'
  | 'overrule-return'
  | 'draft-opinion'
  | 'review'
  | 'send-back'
  | 'send-to-foreign-affairs'
  | 'give-opinion'
  | 'submit-to-leader'
  | 'approve'
  | 'decline'
  | 'reply'
  | 'archive';

/**
 * The request state machine (seed 000 L16–30): 登记编号 by the clerk (L16); review (L18); a failing item is
 * returned by 承办人 → 科室负责人 → 办公室分管主任 (the 办文科 route, L150, since L18 gives none); the opinion is
 * drafted (L18), reviewed 办文人员 → 科长 → 分管副主任 (L26 送审), a foreign-related item goes through 外事科 for
 * its opinion after the office leader's review (L124), then 呈批 to the district leader (L26); 办复 (L28) and
 * 归档 (L30). A declined request is archived.
 */
export const REQUEST_TRANSITIONS: ReadonlyArray<TransitionRow<RequestState, RequestAction>> = [
  { from: null, action: 'register', roles: ['clerk'], to: 'registered' },
  { from: 'registered', action: 'propose-return', roles: ['clerk'], to: 'return-proposed' },
  { from: 'return-proposed', action: 'endorse-return', roles: ['section-chief'], to: 'return-endorsed' },
  { from: 'return-proposed', action: 'overrule-return', roles: ['section-chief'], to: 'registered' },
  { from: 'return-endorsed', action: 'approve-return', roles: ['deputy-director'], to: 'returned' },
  { from: 'return-endorsed', action: 'overrule-return', roles: ['deputy-director'], to: 'registered' },
  { from: 'registered', action: 'draft-opinion', roles: ['clerk'], to: 'opinion-drafted' },
  { from: 'opinion-drafted', action: 'review', roles: ['section-chief'], to: 'chief-reviewed' },
  { from: 'opinion-drafted', action: 'send-back', roles: ['section-chief'], to: 'registered' },
  { from: 'chief-reviewed', action: 'review', roles: ['deputy-director'], to: 'deputy-reviewed' },
  { from: 'chief-reviewed', action: 'send-back', roles: ['deputy-director'], to: 'registered' },
  { from: 'deputy-reviewed', action: 'send-to-foreign-affairs', roles: ['clerk'], to: 'with-foreign-affairs' },
  { from: 'with-foreign-affairs', action: 'give-opinion', roles: ['foreign-affairs-officer'], to: 'foreign-affairs-opinion-given' },
  { from: 'deputy-reviewed', action: 'submit-to-leader', roles: ['clerk'], to: 'with-leader' },
  { from: 'foreign-affairs-opinion-given', action: 'submit-to-leader', roles: ['clerk'], to: 'with-leader' },
  { from: 'with-leader', action: 'approve', roles: ['district-leader'], to: 'approved' },
  { from: 'with-leader', action: 'decline', roles: ['district-leader'], to: 'declined' },
  { from: 'approved', action: 'reply', roles: ['clerk'], to: 'replied' },
  { from: 'replied', action: 'archive', roles: ['clerk'], to: 'archived' },
  { from: 'declined', action: 'archive', roles: ['clerk'], to: 'archived' },
];

/** What the guards need besides the table. */
export interface RequestGuardContext {
  readonly foreignRelated: boolean;
  /** The admission review's result; `draft-opinion` needs it empty, `propose-return` needs it non-empty. */
  readonly admissionFailures: readonly AdmissionFailure[];
}

/**
 * The next state, by the table, then the guards: the opinion is drafted only for an admitted request and a
 * return is proposed only with reasons (L18); a foreign-related request reaches the district leader only with
 * the foreign-affairs opinion, and only a foreign-related one goes to foreign affairs (L124). Guard refusals
 * are CONFLICT.
 */
export function nextRequestState(
  from: RequestState | null,
  action: RequestAction,
  actor: Actor,
  ctx: RequestGuardContext,
): RequestState {
  const to = applyTransition(REQUEST_TRANSITIONS, 'meeting request', from, action, actor);
  if (action === 'draft-opinion' && ctx.admissionFailures.length > 0) {
    throw GovError.conflict('a request that fails review is returned, not processed (经审查合格后方可办理)', {
      reasons: ctx.admissionFailures,
    });
  }
  if (action === 'propose-return' && ctx.admissionFailures.length === 0) {
    throw GovError.conflict('a return needs at least one failed check as its reason');
  }
  if (action === 'submit-to-leader' && from === 'deputy-reviewed' && ctx.foreignRelated) {
    throw GovError.conflict('a foreign-related request goes to foreign affairs (外事科) for its opinion first');
  }
  if (action === 'send-to-foreign-affairs' && !ctx.foreignRelated) {
    throw GovError.conflict('only foreign-related requests go to foreign affairs');
  }
  return to;
}

/**
 * 办复 (seed 000 L28): who is told what once the request is approved.
 * - higher-level meeting: the notice and materials are copied to the attending leaders and heads of
 *   department; if a district leader speaks, the drafting section (综合一科 for 区委 leaders, 综合二科 for 区政府
 *   leaders, L108–110) or the relevant department prepares the speech;
 * - a unit's meeting: the unit is told to prepare the meeting service;
 * - visits (L22, L24): the proposed departments prepare the briefing or introduction materials.
 */
export type ReplyTask =
  | { readonly to: 'attending-leaders-and-department-heads'; readonly what: 'copy-notice-and-materials' }
  | { readonly to: 'drafting-section-party' | 'drafting-section-government' | 'relevant-department'; readonly what: 'prepare-speech' }
  | { readonly to: 'requesting-unit'; readonly what: 'prepare-meeting-service' }
  | { readonly to: 'proposed-departments'; readonly what: 'prepare-briefing-materials' };

export function replyTasks(
  type: RequestType,
  opts: { districtLeaderSpeaks: boolean; speakerSide?: 'party-committee' | 'government' | 'department' },
): ReplyTask[] {
  const tasks: ReplyTask[] = [];
  if (type === 'higher-level-meeting') {
    tasks.push({ to: 'attending-leaders-and-department-heads', what: 'copy-notice-and-materials' });
    if (opts.districtLeaderSpeaks) {
      const side = opts.speakerSide ?? 'department';
      const to =
        side === 'party-committee'
          ? 'drafting-section-party'
          : side === 'government'
            ? 'drafting-section-government'
            : 'relevant-department';
      tasks.push({ to, what: 'prepare-speech' });
    }
  } else if (type === 'unit-meeting') {
    tasks.push({ to: 'requesting-unit', what: 'prepare-meeting-service' });
  } else {
    tasks.push({ to: 'proposed-departments', what: 'prepare-briefing-materials' });
  }
  return tasks;
}

/**
 * 登记、编号 (seed 000 L16). The seeds give no format; the register of meeting and activity requests is
 * numbered per calendar year (Beijing time) like the incoming register: 会议收文〔2026〕15号. RULES.md D5.
 */
export const REQUEST_REGISTER_PREFIX = '会议收文';

export function formatRequestNumber(year: number, value: number): string {
  return formatYearNumber(REQUEST_REGISTER_PREFIX, year, value);
}
