import { GovError } from '@gov/contracts';
import {
  assertMayAccept,
  assertReturnReasons,
  formalDefects,
  type CompletionReport,
  type ReturnReason,
  type ReturnReasonCode,
} from './completion-report.rules.js';

const good: CompletionReport = { form: 'formal-document', fromUnit: 'QFGW', signedByUnitHead: true, sealed: true };

function caught(fn: () => unknown): GovError | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof GovError) return e;
    throw e;
  }
}

describe('formal defects of a completion report', () => {
  it.each<[string, Partial<CompletionReport>, ReturnReasonCode[]]>([
    ['compliant', {}, []],
    ['no unit head signature (seed 004 L209)', { signedByUnitHead: false }, ['not-signed']],
    ['no seal (seed 004 L209)', { sealed: false }, ['not-sealed']],
    ['written as minutes (seed 000 L1328)', { form: 'minutes' }, ['wrong-form']],
    ['an investigation report instead (seed 000 L1328)', { form: 'investigation-report' }, ['wrong-form']],
    ['some other form', { form: 'other' }, ['wrong-form']],
    ['sent by a co-unit: skips a level (seed 000 L1328)', { fromUnit: 'QCZJ' }, ['skips-level']],
    ['everything wrong', { form: 'minutes', fromUnit: 'QCZJ', signedByUnitHead: false, sealed: false }, ['not-signed', 'not-sealed', 'wrong-form', 'skips-level']],
  ])('%s → %j', (_name, change, defects) => {
    expect(formalDefects({ ...good, ...change }, 'QFGW')).toEqual(defects);
  });
});

describe('accepting a report', () => {
  it('accepts a compliant report', () => {
    expect(caught(() => assertMayAccept(good, 'QFGW'))).toBeNull();
  });

  it('refuses minutes submitted as the result report (SCENARIOS seed000-b #22) with its reasons', () => {
    const err = caught(() => assertMayAccept({ ...good, form: 'minutes' }, 'QFGW'));
    expect(err?.code).toBe('BAD_USER_INPUT');
    expect(err?.details).toEqual({ field: 'report', reasons: ['wrong-form'] });
    expect(err?.message).toContain('以会议纪要、调查报告等代替汇报材料');
  });

  it('refuses a report skipping the unit leader (SCENARIOS seed000-b #22)', () => {
    expect(caught(() => assertMayAccept({ ...good, signedByUnitHead: false }, 'QFGW'))?.details).toEqual({
      field: 'report',
      reasons: ['not-signed'],
    });
  });
});

describe('sending a report back needs reasons', () => {
  it.each<[string, ReturnReason[], string]>([
    ['facts unclear, with a note (SCENARIOS seed000-a #16)', [{ code: 'facts-unclear', note: '未说明整改完成时间' }], 'ok'],
    ['facts unclear without a note', [{ code: 'facts-unclear' }], 'BAD_USER_INPUT'],
    ['non-compliant with a blank note', [{ code: 'non-compliant', note: '  ' }], 'BAD_USER_INPUT'],
    ['no seal needs no note', [{ code: 'not-sealed' }], 'ok'],
    ['several', [{ code: 'skips-level' }, { code: 'omission-or-untrue', note: '遗漏协办单位意见' }], 'ok'],
    ['no reason', [], 'BAD_USER_INPUT'],
    ['unknown reason', [{ code: 'too-long' as ReturnReasonCode }], 'BAD_USER_INPUT'],
  ])('%s → %s', (_name, reasons, expected) => {
    expect(caught(() => assertReturnReasons(reasons))?.code ?? 'ok').toBe(expected);
  });
});
