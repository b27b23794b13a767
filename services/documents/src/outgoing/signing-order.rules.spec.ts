import { refusal, refusalCode as code } from '@gov/spec-kit';
import { DEFAULT_OUTGOING_SETTINGS as S } from './outgoing.settings.js';
import { assertJuniorsSignFirst } from './signing-order.rules.js';
import { signingPlan, type SignOff, type Signatory } from './signer.rules.js';

const leader = (id: string, rank: number | null, posts: Signatory['posts'], portfolios: string[] = []): Signatory => ({ id, name: id, rank, posts, portfolios });
const edu = leader('edu', 6, ['deputy-district-head'], ['教育']);
const build = leader('build', 5, ['deputy-district-head'], ['住建']);
const unranked = leader('nr', null, ['deputy-district-head'], ['住建']);
const head = leader('head', 2, ['district-head']);
const officeDir = leader('gbd', null, ['government-office-director']);
const directory = [edu, build, head, officeDir];
const signs = (s: Signatory): SignOff => ({ signatory: s, signedName: s.name, opinion: '同意', signedAt: '2026-11-20' });

const twoPortfolios = signingPlan({ issuingName: 'government', major: false, upward: false, portfolios: ['教育', '住建'], delegatedToOffice: false }, S);
const major = signingPlan({ issuingName: 'government', major: true, upward: false, portfolios: ['教育'], delegatedToOffice: false }, S);

describe('assertJuniorsSignFirst: 会签 由小到大 looking ahead (SCENARIOS seed000-a #11)', () => {
  it.each([
    ['the junior (rank 6) signs first', [], edu, 'ok'],
    ['the senior (rank 5) may not sign while only a junior can sign the other open step', [], build, 'CONFLICT'],
    ['the senior signs after the junior', [signs(edu)], build, 'ok'],
    ['an unranked leader is never held back', [], unranked, 'ok'],
    ['the issuing 区长 is a later phase, not held back here (assertMaySign reports 越级)', [signs(officeDir)], head, 'ok'],
  ] as const)('%s', (_label, given, who, expected) => {
    const plan = who === head ? major : twoPortfolios;
    expect(code(() => assertJuniorsSignFirst(plan, given, signs(who), directory, S))).toBe(expected);
  });

  it('names the steps to wait for', () => {
    expect(refusal(() => assertJuniorsSignFirst(twoPortfolios, [], signs(build), directory, S)).details).toMatchObject({ waitFor: ['in-charge:教育'] });
  });

  it('does not wait for a step no one in the directory can sign (复核 reports it as 漏签)', () => {
    expect(code(() => assertJuniorsSignFirst(twoPortfolios, [], signs(build), [build], S))).toBe('ok');
  });

  it('a proxy is ordered by the leader signed for', () => {
    const proxy: SignOff = { ...signs(officeDir), proxy: { kind: 'authorised', onBehalfOf: build, consentRef: '电话同意' } };
    expect(code(() => assertJuniorsSignFirst(twoPortfolios, [], proxy, directory, S))).toBe('CONFLICT');
  });
});
