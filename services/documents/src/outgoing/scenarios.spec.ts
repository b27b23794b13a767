/**
 * SCENARIOS.md sub-cases of the documents section that the neighbouring rule specs did not cover on their own
 * (audit in docs/scenarios-coverage.md). The e-document name rule (seed002 #29) is `e-document-name.rules.ts`,
 * applied at 归档 (README DO5–DO7).
 */
import { refusal, refusalCode as code } from '@gov/spec-kit';
import { assertOutgoingDocumentType } from './outgoing.rules.js';
import { assertEDocumentName, parseEDocumentName } from './e-document-name.rules.js';

describe('SCENARIOS seed002 #29: e-document name validation (seed 002 L399–401)', () => {
  // 遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知(2014.03.14): 文号-文种-标题(yyyy.mm.dd)
  it.each([
    ['通知, the 文种 of the example name', '通知', 'ok'],
    ['函', '函', 'ok'],
    ['简报: not among the 15 types', '简报', 'BAD_USER_INPUT'],
  ])('文种 %s', (_name, docType, expected) => {
    expect(code(() => assertOutgoingDocumentType(docType))).toBe(expected);
  });
  it('the name 遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知(2014.03.14) passes the 文号-文种-标题(yyyy.mm.dd) pattern', () => {
    const name = '遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知(2014.03.14)';
    expect(code(() => assertEDocumentName(name))).toBe('ok');
    expect(parseEDocumentName(name)).toEqual({ docNumber: '遂安府办函〔2014〕19号', docType: '通知', title: '关于做好2014年度调研工作的通知', date: '2014.03.14' });
  });
  it('a name with 文种 简报 fails: not among the 15 types', () => {
    const name = '遂安府办函〔2014〕19号-简报-关于做好2014年度调研工作的通知(2014.03.14)';
    expect(refusal(() => assertEDocumentName(name))).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'doc-type' } });
  });
  it('a name dated (2014-03-14) fails: the date must be yyyy.mm.dd', () => {
    const name = '遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知(2014-03-14)';
    expect(refusal(() => assertEDocumentName(name))).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'date' } });
  });
});
