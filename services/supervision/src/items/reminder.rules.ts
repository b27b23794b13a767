import { GovError } from '@gov/contracts';

/**
 * The record of a reminder (催办). "每次催办都要严格履行登记手续，详细记录催办的时间、内容和承办单位联系人"
 * (seed 000 L346); "督查过程要作登记" (seed 003 L13@c17306). The dates are in deadlines.rules.ts.
 */

/**
 * How a reminder is given. Phone, notice and in person (seed 000 L346); letter, summoned talk, on-site,
 * joint and by document (seed 000 L1320). On-site and joint supervision need the principal head's approval
 * ("实地督办和联合督办，须报请本局主要负责人批准", seed 000 L1320; 实地督查 "经领导授权", seed 003 L13@c16114).
 */
export const REMINDER_METHODS = {
  phone: { zh: '电话催办', needsApproval: false },
  notice: { zh: '催办通知', needsApproval: false },
  'in-person': { zh: '派人当面催办', needsApproval: false },
  letter: { zh: '发函催办', needsApproval: false },
  'summoned-talk': { zh: '约谈督办', needsApproval: false },
  'on-site': { zh: '实地督办', needsApproval: true },
  joint: { zh: '联合督办', needsApproval: true },
  'by-document': { zh: '发文督办', needsApproval: false },
} as const;
export type ReminderMethod = keyof typeof REMINDER_METHODS;

export interface ReminderRecord {
  readonly method: ReminderMethod;
  /** 催办内容 */
  readonly content: string;
  /** 承办单位联系人 */
  readonly contactPerson: string;
  /** who approved on-site or joint supervision, when needed */
  readonly approvedBy?: string | null;
}

/**
 * Checks a reminder before it is logged: a known method, content and contact person (BAD_USER_INPUT), and the
 * approval for on-site or joint supervision (FORBIDDEN without it). The time is the use case's clock.
 */
export function assertReminderRecord(r: ReminderRecord): void {
  const method = Object.hasOwn(REMINDER_METHODS, r.method) ? REMINDER_METHODS[r.method] : undefined;
  if (!method) throw GovError.badInput(`unknown reminder method ${JSON.stringify(r.method)}`, { field: 'method' });
  if (!r.content.trim()) throw GovError.badInput('a reminder records its content (催办内容)', { field: 'content' });
  if (!r.contactPerson.trim()) {
    throw GovError.badInput("a reminder records the unit's contact person (承办单位联系人)", { field: 'contactPerson' });
  }
  if (method.needsApproval && !r.approvedBy?.trim()) {
    throw GovError.forbidden(`${method.zh} needs the approval of the principal head (主要负责人)`, { method: r.method });
  }
}
