import { refusal, refusalCode as code } from '@gov/spec-kit';
import { assertEDocumentName, eDocumentDate, eDocumentName, parseEDocumentName } from './e-document-name.rules.js';

const EXAMPLE = '遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知(2014.03.14)'; // seed 002 L400

describe('电子文档命名: 文号-文种-标题(yyyy.mm.dd) (seed 002 L399–401)', () => {
  it('builds the seed example; the date is the Beijing day (16:30Z on 13 March is 14 March in Beijing)', () => {
    expect(
      eDocumentName({ docNumber: '遂安府办函〔2014〕19号', docType: '通知', title: '关于做好2014年度调研工作的通知', date: new Date('2014-03-13T16:30:00Z') }),
    ).toBe(EXAMPLE);
    expect(eDocumentDate(new Date('2014-03-14T15:59:59Z'))).toBe('2014.03.14');
    expect(eDocumentDate(new Date('2014-03-14T16:00:00Z'))).toBe('2014.03.15');
  });

  it('parses the seed example into its parts; a 标题 may itself contain "-"', () => {
    expect(parseEDocumentName(EXAMPLE)).toEqual({
      docNumber: '遂安府办函〔2014〕19号', docType: '通知', title: '关于做好2014年度调研工作的通知', date: '2014.03.14',
    });
    expect(parseEDocumentName('遂安委办〔2026〕3号-函-关于A-B线路的函(2026.02.28)').title).toBe('关于A-B线路的函');
  });

  it.each([
    ['the seed example', EXAMPLE, 'ok', null],
    ['命令', '遂安府〔2026〕1号-命令-关于某事的命令(2026.01.05)', 'ok', null],
    ['纪要 as a 文种', '遂安府办〔2026〕12号-纪要-三届30次常务会议纪要(2026.05.26)', 'ok', null],
    ['29 February of a leap year', '遂安府办函〔2024〕9号-函-关于某事的函(2024.02.29)', 'ok', null],
    ['简报: not among the 15 types (SCENARIOS seed002 #29)', '遂安府办函〔2014〕19号-简报-关于做好2014年度调研工作的通知(2014.03.14)', 'BAD_USER_INPUT', 'doc-type'],
    ['date 2014-03-14 (SCENARIOS seed002 #29)', '遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知(2014-03-14)', 'BAD_USER_INPUT', 'date'],
    ['full-width brackets around the date', '遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知（2014.03.14）', 'BAD_USER_INPUT', 'date'],
    ['no date', '遂安府办函〔2014〕19号-通知-关于做好2014年度调研工作的通知', 'BAD_USER_INPUT', 'date'],
    ['2014.02.30 is not a day', '遂安府办函〔2014〕19号-通知-关于某事的通知(2014.02.30)', 'BAD_USER_INPUT', 'date'],
    ['29 February of a common year', '遂安府办函〔2025〕9号-函-关于某事的函(2025.02.29)', 'BAD_USER_INPUT', 'date'],
    ['month 13', '遂安府办函〔2014〕19号-通知-关于某事的通知(2014.13.01)', 'BAD_USER_INPUT', 'date'],
    ['square brackets in the 文号', '遂安府办函[2014]19号-通知-关于某事的通知(2014.03.14)', 'BAD_USER_INPUT', 'doc-number'],
    ['no 号', '遂安府办函〔2014〕19-通知-关于某事的通知(2014.03.14)', 'BAD_USER_INPUT', 'doc-number'],
    ['no 代字', '〔2014〕19号-通知-关于某事的通知(2014.03.14)', 'BAD_USER_INPUT', 'doc-number'],
    ['number 0', '遂安府办函〔2014〕0号-通知-关于某事的通知(2014.03.14)', 'BAD_USER_INPUT', 'doc-number'],
    ['empty 标题', '遂安府办函〔2014〕19号-通知-(2014.03.14)', 'BAD_USER_INPUT', 'title'],
    ['文号 and 文种 only', '遂安府办函〔2014〕19号-通知(2014.03.14)', 'BAD_USER_INPUT', 'shape'],
    ['文种 missing, 标题 in its place', '遂安府办函〔2014〕19号-关于某事的通知(2014.03.14)', 'BAD_USER_INPUT', 'shape'],
  ])('%s', (_case, name, expected, reason) => {
    expect(code(() => assertEDocumentName(name))).toBe(expected);
    if (reason) expect(refusal(() => assertEDocumentName(name)).details).toMatchObject({ field: 'eDocumentName', reason });
  });

  it.each([
    ['no 文号 (无文号): the pattern starts with one', { docNumber: null, docType: '通知', title: 'T' }, 'doc-number'],
    ['文号 not in the 〔YYYY〕 form', { docNumber: '遂安府办函2014-19', docType: '通知', title: 'T' }, 'doc-number'],
    ['简报', { docNumber: '遂安府办函〔2014〕19号', docType: '简报', title: 'T' }, 'doc-type'],
    ['其他', { docNumber: '遂安府办函〔2014〕19号', docType: '其他', title: 'T' }, 'doc-type'],
    ['no 文种', { docNumber: '遂安府办函〔2014〕19号', docType: null, title: 'T' }, 'doc-type'],
    ['blank 标题', { docNumber: '遂安府办函〔2014〕19号', docType: '通知', title: '  ' }, 'title'],
  ])('building refuses %s', (_case, parts, reason) => {
    const build = () => eDocumentName({ ...parts, date: new Date('2014-03-14T02:00:00Z') });
    expect(code(build)).toBe('BAD_USER_INPUT');
    expect(refusal(build).details).toMatchObject({ field: 'eDocumentName', reason });
  });
});
