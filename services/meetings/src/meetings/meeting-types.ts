import { GovError } from '@gov/contracts';

/**
 * Reference data: the meeting types of the district Party committee (区委), the district government (区政府) and
 * the office itself, and the official-activity types, with the attributes the rules read.
 *
 * Sources:
 * - seed 000 L46 (区委会议), L48 (区政府会议), L52 (公务活动的类型), L64–80 (大型会议), L72 (decoration);
 * - seed 000 L554–560 (区委常委(扩大)会议), L626–632 (政府常务会议), L634–640 (区政府领导调研);
 * - seed 001 L402, L424, L462, L470 (五套班子联席会议 and the others in B1);
 * - seed 002 L409–459 (记录 and 专题会议: 区长 / 副区长专题会议);
 * - seed 003 L13@c804 (室务会), c4610 (主任办公会议), c11341 (常委会), c12055 (全区性大会), c12338 (电视电话会议),
 *   c12443 (书记专题会议), c14521 (书记办公会, 党政联席会);
 * - seed 004 L55–157 (党组会议, 全体会议, 常务会议, 每月议事会议, 区长专题会议, 土地规划联席会议, 专业会议).
 */

export type MeetingBody = 'party-committee' | 'government' | 'joint' | 'office';

/**
 * Which notice lead time applies (notice.rules.ts):
 * - `general`: 一般会议和公务活动, 1 working day (seed 000 L58);
 * - `large`: 大型会议, 2 working days (seed 000 L68);
 * - `standing-or-executive`: 常委会议 / 常委(扩大)会议 / 区政府常务会议: 2 working days on major issues, 1 on cadre and
 *   personnel matters (seed 000 L68);
 * - `office-affairs`: 室务会, 1 day (seed 003 L13@c3150);
 * - `any-time`: 主任办公会议 "根据工作需要随时召开" (seed 003 L13@c5489), no lead time.
 */
export type NoticeClass = 'general' | 'large' | 'standing-or-executive' | 'office-affairs' | 'any-time';

/**
 * Which staff-arrival table row applies (attendance.rules.ts):
 * `large` (seed 000 L74), `district-wide` (seed 003 L13@c12273), `teleconference` (seed 003 L13@c12391),
 * `specialised` (seed 004 L135–137), `standing-committee` (seed 000 L556, seed 003 L13@c11771),
 * `executive` (seed 000 L628, seed 004 L81), `general` (seed 000 L548), `research-trip` (seed 000 L636),
 * `large-event` (seed 004 L185).
 */
export type ArrivalClass =
  | 'large'
  | 'district-wide'
  | 'teleconference'
  | 'specialised'
  | 'standing-committee'
  | 'executive'
  | 'general'
  | 'research-trip'
  | 'large-event';

/** Which minutes deadline applies (minutes.rules.ts). */
export type MinutesClass =
  | 'executive'
  | 'standing-committee'
  | 'general'
  | 'as-soon-as-possible'
  | 'district-head-topic'
  | 'deputy-head-topic'
  | 'office-affairs';

/** Whether minutes (纪要) are drafted always or only when needed ("需要起草会议纪要的", seed 000 L552). */
export type MinutesRequirement = 'always' | 'if-needed';

/** 会场装饰 (seed 000 L72): 党徽 and red flags behind the rostrum, or a 会标 banner with flowers as needed. */
export type Decoration = 'party-emblem-and-red-flags' | 'banner';

export interface MeetingType {
  readonly code: string;
  readonly nameZh: string;
  readonly body: MeetingBody;
  readonly noticeClass: NoticeClass;
  readonly arrival: ArrivalClass;
  readonly minutes: MinutesClass;
  readonly minutesRequired: MinutesRequirement;
  /** Topics (议题) are collected and approved for it (topic.rules.ts). */
  readonly hasTopics: boolean;
  readonly decoration: Decoration;
  /** 座位安排表 printed in advance and sent with the notice (seed 000 L72: 党代表大会、区委全体会议等重大会议). */
  readonly seatingChartWithNotice: boolean;
  readonly source: string;
}

function type(
  code: string,
  nameZh: string,
  body: MeetingBody,
  noticeClass: NoticeClass,
  arrival: ArrivalClass,
  minutes: MinutesClass,
  minutesRequired: MinutesRequirement,
  source: string,
  extra: Partial<Pick<MeetingType, 'hasTopics' | 'decoration' | 'seatingChartWithNotice'>> = {},
): MeetingType {
  return {
    code,
    nameZh,
    body,
    noticeClass,
    arrival,
    minutes,
    minutesRequired,
    hasTopics: extra.hasTopics ?? false,
    decoration: extra.decoration ?? 'banner',
    seatingChartWithNotice: extra.seatingChartWithNotice ?? false,
    source,
  };
}

const EMBLEM = { decoration: 'party-emblem-and-red-flags' } as const;

export const MEETING_TYPES: readonly MeetingType[] = [
  // 区委会议 (seed 000 L46)
  type('party-congress', '区党代表大会', 'party-committee', 'large', 'large', 'general', 'if-needed', 'seed 000 L46, L72', { ...EMBLEM, seatingChartWithNotice: true }),
  type('party-delegates-conference', '区党代表会议', 'party-committee', 'large', 'large', 'general', 'if-needed', 'seed 000 L46, L72', EMBLEM),
  type('committee-plenary', '区委全体会议（含扩大会议）', 'party-committee', 'large', 'large', 'general', 'if-needed', 'seed 000 L46, L72', { ...EMBLEM, seatingChartWithNotice: true }),
  type('committee-work-conference', '区委工作会议', 'party-committee', 'large', 'large', 'general', 'if-needed', 'seed 000 L46, L72', EMBLEM),
  type('standing-committee', '区委常委会议（含扩大会议）', 'party-committee', 'standing-or-executive', 'standing-committee', 'standing-committee', 'always', 'seed 000 L46, L68, L554–560; seed 003 L13@c11341', { hasTopics: true }),
  type('secretary-office-meeting', '区委书记办公会', 'party-committee', 'general', 'general', 'general', 'always', 'seed 000 L46; seed 003 L13@c14521 (纪要 by the 常委会秘书)'),
  type('standing-committee-democratic-life', '区委常委民主生活会', 'party-committee', 'general', 'general', 'general', 'if-needed', 'seed 000 L46'),
  type('central-study-group', '区委中心组学习会', 'party-committee', 'general', 'general', 'general', 'if-needed', 'seed 000 L46'),
  type('leading-cadres-conference', '全区领导干部大会', 'party-committee', 'large', 'district-wide', 'as-soon-as-possible', 'if-needed', 'seed 000 L46; seed 003 L13@c12055'),
  type('committee-district-wide-conference', '以区委名义召开的全区性大会', 'party-committee', 'large', 'district-wide', 'as-soon-as-possible', 'if-needed', 'seed 000 L46; seed 003 L13@c12055'),
  type('committee-commendation', '表彰会（区委）', 'party-committee', 'large', 'large', 'general', 'if-needed', 'seed 000 L46, L72 (rehearsal)'),
  type('committee-special-work', '全区专项工作会议（区委）', 'party-committee', 'large', 'district-wide', 'as-soon-as-possible', 'if-needed', 'seed 000 L46'),
  type('committee-leaders-office-meeting', '区委领导办公会议', 'party-committee', 'general', 'general', 'general', 'if-needed', 'seed 000 L46'),
  type('committee-forum', '座谈会（区委）', 'party-committee', 'general', 'general', 'general', 'if-needed', 'seed 000 L46'),
  type('democratic-consultation', '民主协商会', 'party-committee', 'general', 'general', 'general', 'if-needed', 'seed 000 L46'),
  type('secretary-topic-meeting', '书记专题会议', 'party-committee', 'general', 'general', 'general', 'always', 'seed 003 L13@c12443 (形成会议纪要)'),
  type('teleconference', '电视电话会议', 'party-committee', 'general', 'teleconference', 'general', 'if-needed', 'seed 003 L13@c12338; seed 000 L72 (区信息中心)'),
  // 联席会议
  type('five-leadership-joint-meeting', '五套班子联席会议', 'joint', 'general', 'general', 'general', 'if-needed', 'seed 001 L476; seed 003 L13@c11053'),
  type('party-government-joint-meeting', '党政联席会', 'joint', 'general', 'general', 'general', 'always', 'seed 003 L13@c14521'),
  // 区政府会议 (seed 000 L48; seed 004 L55)
  type('government-plenary', '区政府全体会议（含扩大会议）', 'government', 'large', 'large', 'general', 'always', 'seed 000 L48; seed 004 L57–63'),
  type('executive-meeting', '区政府常务会议', 'government', 'standing-or-executive', 'executive', 'executive', 'always', 'seed 000 L48, L68, L626–632; seed 004 L65–95', { hasTopics: true }),
  type('mayor-work-meeting', '区长工作会议', 'government', 'general', 'general', 'general', 'if-needed', 'seed 000 L48'),
  type('government-party-group', '区政府党组会议', 'government', 'general', 'general', 'general', 'always', 'seed 000 L48; seed 004 L57–63', { hasTopics: true }),
  type('government-district-wide-conference', '以区政府名义召开的全区性大会', 'government', 'large', 'district-wide', 'as-soon-as-possible', 'if-needed', 'seed 000 L48; seed 003 L13@c12055'),
  type('government-commendation', '表彰会（区政府）', 'government', 'large', 'large', 'general', 'if-needed', 'seed 000 L48, L72'),
  type('government-special-work', '全区专项工作会议（区政府）', 'government', 'large', 'district-wide', 'as-soon-as-possible', 'if-needed', 'seed 000 L48'),
  type('government-leaders-office-meeting', '区政府领导办公会议', 'government', 'general', 'general', 'general', 'if-needed', 'seed 000 L48'),
  type('government-forum', '座谈会（区政府）', 'government', 'general', 'general', 'general', 'if-needed', 'seed 000 L48'),
  type('monthly-deliberation', '区长每月议事会议', 'government', 'general', 'general', 'general', 'always', 'seed 004 L97–105'),
  type('district-head-topic-meeting', '区长专题会议', 'government', 'general', 'general', 'district-head-topic', 'if-needed', 'seed 004 L107–113; seed 002 L425, L456–457', { hasTopics: true }),
  type('deputy-head-topic-meeting', '副区长专题会议', 'government', 'general', 'general', 'deputy-head-topic', 'if-needed', 'seed 002 L426, L456–457', { hasTopics: true }),
  type('land-planning-joint-meeting', '土地规划联席会议', 'government', 'general', 'general', 'general', 'always', 'seed 004 L115–123', { hasTopics: true }),
  type('specialised-meeting', '以区政府名义召开的专业会议', 'government', 'general', 'specialised', 'general', 'if-needed', 'seed 004 L125–157'),
  // 办公室内部会议
  type('office-affairs-meeting', '室务会', 'office', 'office-affairs', 'general', 'office-affairs', 'always', 'seed 003 L13@c804–4609', { hasTopics: true }),
  type('director-office-meeting', '主任办公会议', 'office', 'any-time', 'general', 'general', 'if-needed', 'seed 003 L13@c4610–5986; seed 001 L41–69', { hasTopics: true }),
];

const BY_CODE = new Map(MEETING_TYPES.map((t) => [t.code, t]));

/** The type with `code`; BAD_USER_INPUT for an unknown code. */
export function meetingType(code: string): MeetingType {
  const t = BY_CODE.get(code);
  if (!t) throw GovError.badInput(`unknown meeting type ${JSON.stringify(code)}`, { code });
  return t;
}

export function isMeetingType(code: string): boolean {
  return BY_CODE.has(code);
}

/** 公务活动的类型 (seed 000 L52). */
export const OFFICIAL_ACTIVITY_TYPES = [
  { code: 'research-visit-inspection-meeting-guests', nameZh: '调研、参观、考察、会见' },
  { code: 'ceremony', nameZh: '庆典、奠基、剪彩等礼仪性活动' },
  { code: 'on-site-office', nameZh: '现场办公' },
  { code: 'comfort-visit', nameZh: '慰问活动' },
  { code: 'reception', nameZh: '接待活动' },
  { code: 'labour', nameZh: '参加劳动' },
  { code: 'press-interview', nameZh: '接受采访' },
  { code: 'other', nameZh: '其它公务活动' },
] as const;
export type OfficialActivityType = (typeof OFFICIAL_ACTIVITY_TYPES)[number]['code'];
