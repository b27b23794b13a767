import { GovError } from '@gov/contracts';
import { DEFAULT_OUTGOING_SETTINGS as S, outgoingSettings } from './outgoing.settings.js';
import {
  afterSigningChange,
  assertMaySign,
  assertReSignedByOriginalSigner,
  assertSignOffComplete,
  assertValidSignOff,
  classifyOpinion,
  parseFullDate,
  renderOfficeReviewOpinion,
  reviewSignOffs,
  signingPlan,
  type SignOff,
  type Signatory,
  type SigningCase,
} from './signer.rules.js';
import { refusalCode as code } from '@gov/spec-kit';


// rank 1 = most senior
const secretary: Signatory = { id: 'sec', name: '书记', rank: 1, posts: ['party-secretary', 'standing-committee-member'], portfolios: [] };
const head: Signatory = { id: 'head', name: '区长', rank: 2, posts: ['district-head'], portfolios: [] };
const member: Signatory = { id: 'scm', name: '常委', rank: 4, posts: ['standing-committee-member'], portfolios: ['组织'] };
const depBuild: Signatory = { id: 'depB', name: '副区长乙', rank: 5, posts: ['deputy-district-head'], portfolios: ['住建'] };
const depEdu: Signatory = { id: 'depE', name: '副区长甲', rank: 6, posts: ['deputy-district-head'], portfolios: ['教育'] };
const director: Signatory = { id: 'dir', name: '办公室主任', rank: null, posts: ['party-office-director', 'government-office-director'], portfolios: [] };
const officeDeputy: Signatory = { id: 'odd', name: '办公室副主任', rank: null, posts: ['office-deputy-director'], portfolios: ['文秘'] };

const base: SigningCase = { issuingName: 'government', major: false, upward: false, portfolios: ['教育'], delegatedToOffice: false };
const plan = (over: Partial<SigningCase>) => signingPlan({ ...base, ...over }, S);
const stepIds = (over: Partial<SigningCase>, settings = S) => signingPlan({ ...base, ...over }, settings).map((s) => s.id);

let minute = 0;
const so = (who: Signatory, over: Partial<SignOff> = {}): SignOff => ({
  signatory: who,
  signedName: who.name,
  opinion: '同意。',
  signedAt: new Date(Date.UTC(2026, 10, 20, 1, minute++)).toISOString(),
  ...over,
});
const codes = (r: { problems: Array<{ code: string }> }) => r.problems.map((p) => p.code);

beforeEach(() => {
  minute = 0;
});

describe('signing plans by issuing name', () => {
  it.each([
    ['区委办公室: 区委办主任签发 (seed 003 c10062)', { issuingName: 'party-office' }, ['issue']],
    ['区委: 区委办主任审签 → 区委书记签发 (c10157)', { issuingName: 'party-committee' }, ['office-review', 'issue']],
    ['区委+区政府: 审签 → 会签 → 签发 (c10173)', { issuingName: 'party-government-joint' }, ['office-review', 'countersign', 'issue']],
    ['区委办+政府办: 会签 → 区委办主任签发 (c10186)', { issuingName: 'offices-joint' }, ['countersign', 'issue']],
    ['区政府, one portfolio: its leader in charge signs (seed 004 L48)', {}, ['in-charge:教育']],
    ['区政府, two portfolios: both leaders in sequence', { portfolios: ['教育', '住建'] }, ['in-charge:教育', 'in-charge:住建']],
    ['区政府, the same portfolio twice counts once', { portfolios: ['教育', ' 教育'] }, ['in-charge:教育']],
    ['区政府, major: 政府办主任 → leader in charge → 区长', { major: true }, ['office-review', 'in-charge:教育', 'issue']],
    ['区政府, upward (上行文): as major (art. 22)', { upward: true }, ['office-review', 'in-charge:教育', 'issue']],
    ['区政府办公室, delegated to the office', { issuingName: 'government-office', delegatedToOffice: true }, ['issue']],
    ['区政府办公室, upward: 政府办主任签发', { issuingName: 'government-office', upward: true }, ['issue']],
    ['区政府办公室, major (stricter: 区长)', { issuingName: 'government-office', major: true, delegatedToOffice: true }, ['office-review', 'in-charge:教育', 'issue']],
    ['区政府办公室, not delegated', { issuingName: 'government-office' }, ['in-charge:教育']],
  ] as const)('%s', (_label, over, ids) => {
    expect(stepIds(over)).toEqual(ids);
  });

  it('the issuer of a major government document is the district head; of a 区委 document the secretary', () => {
    expect(plan({ major: true }).at(-1)!.posts).toEqual(['district-head']);
    expect(plan({ issuingName: 'party-committee' }).at(-1)!.posts).toEqual(['party-secretary']);
    expect(plan({ issuingName: 'government-office', delegatedToOffice: true })[0]!.posts).toEqual(['government-office-director', 'office-deputy-director']);
  });

  it('major joint Party-government documents are countersigned by the district head only', () => {
    expect(plan({ issuingName: 'party-government-joint', major: true })[1]!.posts).toEqual(['district-head']);
    expect(plan({ issuingName: 'party-government-joint' })[1]!.posts).toEqual(['district-head', 'deputy-district-head']);
  });

  it('with majorOfficeDocumentsSignedByDistrictHead off, a major office document stays with the leader in charge', () => {
    const s = outgoingSettings({ majorOfficeDocumentsSignedByDistrictHead: false });
    expect(stepIds({ issuingName: 'government-office', major: true }, s)).toEqual(['in-charge:教育']);
  });

  it('a government document with no portfolio cannot be planned', () => {
    expect(code(() => plan({ portfolios: [] }))).toBe('BAD_USER_INPUT');
    expect(code(() => plan({ portfolios: [' '] }))).toBe('BAD_USER_INPUT');
  });
});

describe('opinions, names and dates (seed 002 L381–382; art. 22)', () => {
  it.each([
    ['同意。', 'agree'],
    ['拟同意', 'agree'],
    ['同意印发', 'agree'],
    ['不同意,请修改后再报', 'disagree'],
    ['不予同意', 'disagree'],
    ['已核', null],
    ['已阅', null],
    ['张三', null],
    ['', null],
    ['圈阅', null],
  ])('%j → %s', (text, decision) => {
    expect(classifyOpinion(text)).toBe(decision);
  });

  it('a circled read counts only when the setting allows it', () => {
    expect(classifyOpinion('圈阅', true)).toBe('agree');
  });

  it.each([
    ['同意', '拟同意'],
    ['同意印发', '拟同意印发'],
    ['拟同意', '拟同意'],
    ['可以,同意', '拟同意。可以,同意'],
    ['不同意', '不同意'],
  ])('SCENARIOS seed002 #14: office review renders %j as %j', (input, rendered) => {
    expect(renderOfficeReviewOpinion(input)).toBe(rendered);
  });

  it.each([
    ['2026-11-20', '2026-11-19T16:00:00.000Z'],
    ['2026年11月20日', '2026-11-19T16:00:00.000Z'],
    ['2026-11-20T09:30:00+08:00', '2026-11-20T01:30:00.000Z'],
  ])('%s is a full date → %s', (value, iso) => {
    expect(parseFullDate(value).toISOString()).toBe(iso);
  });

  it.each(['11月20日', '20日', '2026-11', '2026-02-30', '2026年2月30日', 'yesterday', '2026-11-20T09:30'])('%s is not a full date', (value) => {
    expect(code(() => parseFullDate(value))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['a valid sign-off', {}, 'ok'],
    ['SCENARIOS seed002 #14: "已核"', { opinion: '已核' }, 'BAD_USER_INPUT'],
    ['only a name', { opinion: '副区长甲' }, 'BAD_USER_INPUT'],
    ['no name', { signedName: ' ' }, 'BAD_USER_INPUT'],
    ['no full date', { signedAt: '11月20日' }, 'BAD_USER_INPUT'],
    ['a proxy without consent', { proxy: { kind: 'authorised', onBehalfOf: head, consentRef: '' } }, 'BAD_USER_INPUT'],
    ['a proxy with consent', { proxy: { kind: 'authorised', onBehalfOf: head, consentRef: '电话请示记录 11-20' } }, 'ok'],
  ] as const)('%s → %s', (_label, over, expected) => {
    expect(code(() => assertValidSignOff(so(depEdu, over as Partial<SignOff>), S))).toBe(expected);
  });
});

describe('复核 of the sign-offs (seed 000 L228–230; seed 002 L379)', () => {
  const two = plan({ portfolios: ['教育', '住建'] });
  const major = plan({ major: true, portfolios: ['教育', '住建'] });

  it('two leaders in charge, junior first: complete', () => {
    const r = reviewSignOffs(two, [so(depEdu), so(depBuild)], S);
    expect(r).toMatchObject({ complete: true, problems: [] });
    expect(r.satisfied).toEqual({ 'in-charge:教育': 0, 'in-charge:住建': 1 });
  });

  it('a major document: director, leaders in charge in ascending rank, then the district head', () => {
    expect(reviewSignOffs(major, [so(director), so(depEdu), so(depBuild), so(head)], S).complete).toBe(true);
  });

  it.each([
    ['senior before junior', () => [so(depBuild), so(depEdu)], two, ['out-of-rank-order']],
    ['SCENARIOS seed000-a #12: 漏签, one leader in charge missing', () => [so(depEdu)], two, ['missing']],
    ['SCENARIOS seed000-a #12: 越级签发, the head before the leaders in charge', () => [so(director), so(head), so(depEdu), so(depBuild)], major, ['skip-level']],
    ['the head without the office director: every later signature skipped it', () => [so(depEdu), so(depBuild), so(head)], major, ['skip-level', 'skip-level', 'skip-level', 'missing']],
    ['SCENARIOS seed002 #16: 倒签, a later step dated earlier', () => [so(depEdu, { signedAt: '2026-11-21' }), so(depBuild, { signedAt: '2026-11-20' })], two, ['backdated']],
    ['a signer outside the plan', () => [so(member), so(depEdu), so(depBuild)], two, ['not-in-plan']],
    ['a disagreement', () => [so(depEdu), so(depBuild, { opinion: '不同意' })], two, ['disagreed']],
    ['"已核" does not count as a signature', () => [so(depEdu, { opinion: '已核' }), so(depBuild)], two, ['invalid-sign-off', 'missing']],
    ['a later signature still owed', () => [so(depEdu), so(depBuild, { laterSignaturePending: true })], two, ['later-signature-pending']],
  ] as const)('%s', (_label, make, p, problems) => {
    const r = reviewSignOffs(p, make(), S);
    expect(r.complete).toBe(false);
    expect(codes(r)).toEqual(problems);
    expect(code(() => assertSignOffComplete(r))).toBe('CONFLICT');
  });

  it('SCENARIOS seed002 #16: an authorised proxy with consent signs for the absent leader', () => {
    const proxySigner: Signatory = { id: 'px', name: '被授权人', rank: null, posts: [], portfolios: [] };
    const r = reviewSignOffs(two, [so(depEdu), so(proxySigner, { proxy: { kind: 'authorised', onBehalfOf: depBuild, consentRef: '同意记录1' } })], S);
    expect(r.complete).toBe(true);
  });

  it('a later signature still owed passes when the setting allows it', () => {
    const s = outgoingSettings({ allowNumberingWithPendingLaterSignature: true });
    expect(reviewSignOffs(two, [so(depEdu), so(depBuild, { laterSignaturePending: true })], s).complete).toBe(true);
  });

  it('a circled read passes only under the art. 22 setting', () => {
    const one = plan({});
    expect(reviewSignOffs(one, [so(depEdu, { opinion: '圈阅' })], S).complete).toBe(false);
    expect(reviewSignOffs(one, [so(depEdu, { opinion: '圈阅' })], outgoingSettings({ acceptCircledReadAsConsent: true })).complete).toBe(true);
  });

  it.each([
    ['区委: director then secretary', 'party-committee', () => [so(director), so(secretary)], true],
    ['区委: the secretary alone', 'party-committee', () => [so(secretary)], false],
    ['joint: director, district head, secretary', 'party-government-joint', () => [so(director), so(head), so(secretary)], true],
    ['joint: a deputy district head countersigns', 'party-government-joint', () => [so(director), so(depEdu), so(secretary)], true],
    ['offices joint: deputy head countersigns, director issues', 'offices-joint', () => [so(depBuild), so(director)], true],
    ['offices joint: a combined-office director signs both steps', 'offices-joint', () => [so(director), so(director)], true],
    ['offices joint: the director once', 'offices-joint', () => [so(director)], false],
    ['区委办公室: the office deputy is not the issuer', 'party-office', () => [so(officeDeputy)], false],
  ] as const)('%s → complete=%s', (_label, issuingName, make, complete) => {
    expect(reviewSignOffs(plan({ issuingName }), make(), S).complete).toBe(complete);
  });

  it('a delegated office document may be issued by the office deputy', () => {
    expect(reviewSignOffs(plan({ issuingName: 'government-office', delegatedToOffice: true }), [so(officeDeputy)], S).complete).toBe(true);
  });
});

describe('the live sign action', () => {
  const major = plan({ major: true });
  it.each([
    ['the office director first', [], director, 'ok'],
    ['the head first (越级)', [], head, 'CONFLICT'],
    ['the leader in charge after the director', [director], depEdu, 'ok'],
    ['the head after both', [director, depEdu], head, 'ok'],
    ['a standing-committee member', [director], member, 'FORBIDDEN'],
  ] as const)('%s → %s', (_label, before, next, expected) => {
    expect(code(() => assertMaySign(major, before.map((w) => so(w)), so(next), S))).toBe(expected);
  });

  it('refuses a bare "已核" before anything else', () => {
    expect(code(() => assertMaySign(major, [], so(director, { opinion: '已核' }), S))).toBe('BAD_USER_INPUT');
  });

  it('lets a signer disagree (the draft then goes back through decline)', () => {
    expect(code(() => assertMaySign(major, [], so(director, { opinion: '不同意' }), S))).toBe('ok');
  });

  it('refuses a backdated signature', () => {
    expect(code(() => assertMaySign(major, [so(director, { signedAt: '2026-11-21' })], so(depEdu, { signedAt: '2026-11-20' }), S))).toBe('CONFLICT');
  });
});

describe('changes after signing (seed 003 L13@c8963; art. 25)', () => {
  it.each([
    ['substantive', 'back-to-signer'],
    ['editorial', 'continue'],
  ] as const)('%s change → %s', (kind, outcome) => {
    expect(afterSigningChange(kind)).toBe(outcome);
  });

  it('SCENARIOS seed003 #10: only the original signer re-signs', () => {
    expect(code(() => assertReSignedByOriginalSigner('sec', 'sec'))).toBe('ok');
    expect(code(() => assertReSignedByOriginalSigner('sec', 'head'))).toBe('FORBIDDEN');
  });
});
