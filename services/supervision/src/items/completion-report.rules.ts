import { GovError } from '@gov/contracts';

/**
 * Review of a unit's completion report (办结报告 / 办理情况报告 审核). Pure functions.
 * Sources: seed 000 L324, L348 (督查室), L1328–1330 (信访督查); seed 003 L13@c17318–17390; seed 004 L209.
 */

/** The form the report came in. Only a formal document (公文) counts (seed 000 L1328). */
export type ReportForm = 'formal-document' | 'minutes' | 'investigation-report' | 'other';

export interface CompletionReport {
  readonly form: ReportForm;
  /** the unit that sent it */
  readonly fromUnit: string;
  /** 部门主要领导签字 (seed 004 L209); "由相关街道和部门的领导同志审核签报" (seed 000 L1328) */
  readonly signedByUnitHead: boolean;
  /** 加盖单位公章 (seed 004 L209) */
  readonly sealed: boolean;
}

/**
 * Why a report is sent back (退回重报 / 补办 / 重办). The first four are read off the report itself; the others
 * are the reviewer's judgement and need a note saying what is wrong.
 */
export const RETURN_REASONS = {
  'not-signed': { zh: '未经单位主要领导签字', seed: 'seed 004 L209; seed 000 L1328', judgement: false },
  'not-sealed': { zh: '未加盖单位公章', seed: 'seed 004 L209', judgement: false },
  'wrong-form': { zh: '以会议纪要、调查报告等代替汇报材料', seed: 'seed 000 L1328', judgement: false },
  'skips-level': { zh: '越级上报', seed: 'seed 000 L1328', judgement: false },
  'facts-unclear': { zh: '事实不清', seed: 'seed 000 L348, L1330', judgement: true },
  'judgement-inaccurate': { zh: '判断（定性）不准确', seed: 'seed 000 L348, L1330', judgement: true },
  'handling-improper': { zh: '处理不当', seed: 'seed 000 L348, L1330', judgement: true },
  'instruction-not-followed': { zh: '未贯彻领导批示精神', seed: 'seed 000 L348', judgement: true },
  'omission-or-untrue': { zh: '有遗漏或与事实不符', seed: 'seed 000 L348', judgement: true },
  'non-compliant': { zh: '不符合办理要求或行文规定', seed: 'seed 000 L324; seed 003 L13@c17318', judgement: true },
} as const;
export type ReturnReasonCode = keyof typeof RETURN_REASONS;

export interface ReturnReason {
  readonly code: ReturnReasonCode;
  readonly note?: string;
}

/**
 * The defects visible on the report itself, in a fixed order. A report from a unit other than the lead unit
 * skips a level: co-units report to the lead, and the lead reports to 督查室 ("不能越级上报", seed 000 L1328).
 */
export function formalDefects(report: CompletionReport, leadUnit: string): ReturnReasonCode[] {
  const defects: ReturnReasonCode[] = [];
  if (!report.signedByUnitHead) defects.push('not-signed');
  if (!report.sealed) defects.push('not-sealed');
  if (report.form !== 'formal-document') defects.push('wrong-form');
  if (report.fromUnit !== leadUnit) defects.push('skips-level');
  return defects;
}

/** accept-report refuses a report with formal defects: BAD_USER_INPUT listing them (they become the reasons). */
export function assertMayAccept(report: CompletionReport, leadUnit: string): void {
  const defects = formalDefects(report, leadUnit);
  if (defects.length > 0) {
    throw GovError.badInput(`the report cannot be accepted: ${defects.map((d) => RETURN_REASONS[d].zh).join('；')}`, {
      field: 'report',
      reasons: defects,
    });
  }
}

/**
 * return-report needs at least one reason; a judgement reason needs a note ("提出补办、重办意见", seed 000
 * L348). BAD_USER_INPUT otherwise.
 */
export function assertReturnReasons(reasons: readonly ReturnReason[]): void {
  if (reasons.length === 0) throw GovError.badInput('a report is sent back with at least one reason', { field: 'reasons' });
  for (const r of reasons) {
    const known = Object.hasOwn(RETURN_REASONS, r.code) ? RETURN_REASONS[r.code] : undefined;
    if (!known) throw GovError.badInput(`unknown return reason ${JSON.stringify(r.code)}`, { field: 'reasons', code: r.code });
    if (known.judgement && !r.note?.trim()) {
      throw GovError.badInput(`the reason ${r.code} (${known.zh}) needs a note saying what to supplement or redo`, {
        field: 'reasons',
        code: r.code,
      });
    }
  }
}
