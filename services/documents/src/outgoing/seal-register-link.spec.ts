import { normalizeDocumentName, sealEntryMismatch, type SealEntryForCheck } from './seal-register-link.js';

/** DO1–DO3: which seal-register entry fits the 用印 of an outgoing document. */
const title = '关于调整区级议事协调机构的通知';
const draft = { title, documentNumber: '区委办发〔2026〕12号', seals: ['party-office'] as const };
const entry = (over: Partial<SealEntryForCheck> = {}): SealEntryForCheck => ({
  id: 'e',
  seal: 'party-office',
  purposeCategory: 'outgoing-document',
  requestPurpose: 'outgoing-document',
  requestState: 'stamped',
  documentTitle: title,
  ...over,
});

describe('sealEntryMismatch', () => {
  it.each([
    ['the same title', {}, null],
    ['the title in 书名号 with spaces', { documentTitle: ` 《${title}》 ` }, null],
    ['another name that carries the 文号', { documentTitle: '区委办发〔2026〕12号文件' }, null],
    ['another document', { documentTitle: '关于调整区级议事协调机构的批复' }, 'other-document'],
    ['a 文号 that only starts like this one', { documentTitle: '区委办发〔2026〕1号' }, 'other-document'],
    ['a contract use', { purposeCategory: 'contract', requestPurpose: 'contract' }, 'wrong-purpose'],
    ['another seal', { seal: 'government-office' }, 'wrong-seal'],
    ['a request not stamped', { requestState: 'approved' }, 'not-stamped'],
  ] as const)('%s', (_label, over, expected) => {
    expect(sealEntryMismatch(entry(over), draft)?.reason ?? null).toBe(expected);
  });

  it('an unnumbered draft is named by its title only', () => {
    expect(sealEntryMismatch(entry({ documentTitle: '区委办发〔2026〕12号' }), { ...draft, documentNumber: null })?.reason).toBe('other-document');
  });

  it('normalizes names as written on a request', () => {
    expect(normalizeDocumentName('《关于 X 的通知》')).toBe('关于X的通知');
  });
});
