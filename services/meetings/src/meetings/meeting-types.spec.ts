import { isMeetingType, MEETING_TYPES, meetingType, OFFICIAL_ACTIVITY_TYPES } from './meeting-types.js';
import { code } from './spec-kit.js';

describe('meeting types as reference data', () => {
  it('codes are unique and every type cites its seed', () => {
    expect(new Set(MEETING_TYPES.map((t) => t.code)).size).toBe(MEETING_TYPES.length);
    for (const t of MEETING_TYPES) expect(t.source).toMatch(/seed 00[0-4] L/);
  });

  // seed 000 L46: the fifteen 区委会议; L48: the nine 区政府会议
  it.each([
    '区党代表大会',
    '区党代表会议',
    '区委全体会议（含扩大会议）',
    '区委工作会议',
    '区委常委会议（含扩大会议）',
    '区委书记办公会',
    '区委常委民主生活会',
    '区委中心组学习会',
    '全区领导干部大会',
    '以区委名义召开的全区性大会',
    '表彰会（区委）',
    '全区专项工作会议（区委）',
    '区委领导办公会议',
    '座谈会（区委）',
    '民主协商会',
  ])('区委 type %s is listed (seed 000 L46)', (name) => {
    expect(MEETING_TYPES.find((t) => t.nameZh === name)?.body).toBe('party-committee');
  });
  it.each([
    '区政府全体会议（含扩大会议）',
    '区政府常务会议',
    '区长工作会议',
    '区政府党组会议',
    '以区政府名义召开的全区性大会',
    '表彰会（区政府）',
    '全区专项工作会议（区政府）',
    '区政府领导办公会议',
    '座谈会（区政府）',
  ])('区政府 type %s is listed (seed 000 L48)', (name) => {
    expect(MEETING_TYPES.find((t) => t.nameZh === name)?.body).toBe('government');
  });

  it.each([
    ['standing-committee', 'standing-or-executive', 'standing-committee', 'standing-committee', 'always', true],
    ['executive-meeting', 'standing-or-executive', 'executive', 'executive', 'always', true],
    ['party-congress', 'large', 'large', 'general', 'if-needed', false],
    ['committee-district-wide-conference', 'large', 'district-wide', 'as-soon-as-possible', 'if-needed', false],
    ['teleconference', 'general', 'teleconference', 'general', 'if-needed', false],
    ['specialised-meeting', 'general', 'specialised', 'general', 'if-needed', false],
    ['office-affairs-meeting', 'office-affairs', 'general', 'office-affairs', 'always', true],
    ['director-office-meeting', 'any-time', 'general', 'general', 'if-needed', true],
    ['district-head-topic-meeting', 'general', 'general', 'district-head-topic', 'if-needed', true],
    ['deputy-head-topic-meeting', 'general', 'general', 'deputy-head-topic', 'if-needed', true],
    ['land-planning-joint-meeting', 'general', 'general', 'general', 'always', true],
    ['secretary-topic-meeting', 'general', 'general', 'general', 'always', false],
  ] as const)('%s: notice %s, arrival %s, minutes %s (%s), topics %s', (c, notice, arrival, minutes, required, topics) => {
    const t = meetingType(c);
    expect([t.noticeClass, t.arrival, t.minutes, t.minutesRequired, t.hasTopics]).toEqual([notice, arrival, minutes, required, topics]);
  });

  // seed 000 L72: 党徽和红旗 for 党代表大会、党代表会议、区委全体会议、区委工作会议; seating chart with the notice for 党代表大会、区委全体会议
  it('decoration and seating chart (seed 000 L72)', () => {
    expect(MEETING_TYPES.filter((t) => t.decoration === 'party-emblem-and-red-flags').map((t) => t.code)).toEqual([
      'party-congress',
      'party-delegates-conference',
      'committee-plenary',
      'committee-work-conference',
    ]);
    expect(MEETING_TYPES.filter((t) => t.seatingChartWithNotice).map((t) => t.code)).toEqual(['party-congress', 'committee-plenary']);
  });

  it('an unknown code is BAD_USER_INPUT', () => {
    expect(code(() => meetingType('banquet'))).toBe('BAD_USER_INPUT');
    expect(isMeetingType('banquet')).toBe(false);
    expect(isMeetingType('executive-meeting')).toBe(true);
  });

  it('the eight official-activity types (seed 000 L52)', () => {
    expect(OFFICIAL_ACTIVITY_TYPES.map((t) => t.nameZh)).toEqual([
      '调研、参观、考察、会见',
      '庆典、奠基、剪彩等礼仪性活动',
      '现场办公',
      '慰问活动',
      '接待活动',
      '参加劳动',
      '接受采访',
      '其它公务活动',
    ]);
  });
});
