import { z } from 'zod';
import { IsoDateTimeSchema, UuidSchema } from '../common.js';
import { defineEvent } from '../define.js';

/**
 * Minutes (会议纪要) as other sections see them: each decision of issued minutes is one item of
 * `gov.meetings.minutes.issued`, which supervision turns into one supervision item (issue 4 §5, issue 5 §1).
 */

const IsoDateSchema = z.iso.date();

export const MinutesDecisionSchema = z.object({
  /** 1-based, in the order of the minutes; with minutesId the decision's identity */
  decisionNo: z.number().int().min(1),
  /** the decided matter; null when the minutes are classified */
  matter: z.string().nullable(),
  /** the undertaking unit the minutes name, if any */
  leadUnit: z.string().nullable(),
  coUnits: z.array(z.string()),
  /** the deadline the minutes name, if any */
  dueOn: IsoDateSchema.nullable(),
});
export type MinutesDecision = z.infer<typeof MinutesDecisionSchema>;

export const minutesIssued = defineEvent({
  section: 'meetings',
  aggregate: 'minutes',
  name: 'issued',
  subjectKey: 'minutesId',
  description:
    'Minutes (纪要) were issued. One item per decision; supervision opens one supervision item per decision, keyed by minutesId and decisionNo.',
  data: z.object({
    minutesId: UuidSchema,
    meetingId: UuidSchema,
    /** the meeting type code of the reference data (e.g. executive, standing-committee) */
    meetingType: z.string(),
    /** the minutes' number, e.g. 区政府常务会议纪要〔2026〕3号 */
    number: z.string(),
    /** null when classified */
    title: z.string().nullable(),
    classification: z.enum(['none', 'secret', 'confidential', 'top-secret']),
    issuedOn: IsoDateSchema,
    issuedAt: IsoDateTimeSchema,
    issuedBy: z.string(),
    decisions: z.array(MinutesDecisionSchema),
  }),
  example: {
    minutesId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
    meetingId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    meetingType: 'executive',
    number: '区政府常务会议纪要〔2026〕3号',
    title: '区政府第3次常务会议纪要',
    classification: 'none',
    issuedOn: '2026-03-12',
    issuedAt: '2026-03-12T01:00:00.000Z',
    issuedBy: '4c1c8d53-0c4e-4d8f-9a55-1f2f7a0a3c11',
    decisions: [
      { decisionNo: 1, matter: '原则通过《老旧小区改造实施方案》，由区住建局牵头实施。', leadUnit: 'QZJJ', coUnits: ['QCZJ'], dueOn: '2026-06-30' },
      { decisionNo: 2, matter: '区财政局研究资金保障办法。', leadUnit: 'QCZJ', coUnits: [], dueOn: null },
    ],
  },
});
