import { GovError } from '@gov/contracts';
import { DurationSchema, type Duration } from '@gov/calendar';
import { z } from 'zod';
import { PeriodSchema, type Period } from './periods.js';

/**
 * Settings of the supervision section (督查室): every time limit of its rules as data with its unit. Where the
 * seeds disagree or are silent the default is the stricter reading, and the comment says so (see README.md).
 * Seed references: /work/shared/seeds/<nnn>_*.txt by line (L); seed 003 by line 13 and character offset (c).
 */

/** Colours of a supervision notice (督办单), in ascending severity. */
export const COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
export type Colour = (typeof COLOURS)[number];
export const COLOUR_ZH: Readonly<Record<Colour, string>> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

/**
 * One step of the colour escalation. A step is triggered either by an overdue reminder (催办, the first or
 * second one) or a period after the previous step's notice.
 */
export const EscalationStepSchema = z.strictObject({
  colour: z.enum(COLOURS),
  trigger: z.discriminatedUnion('on', [
    z.strictObject({ on: z.literal('reminder'), n: z.union([z.literal(1), z.literal(2)]) }),
    z.strictObject({ on: z.literal('after-previous-step'), period: DurationSchema }),
  ]),
});
export type EscalationStep = z.infer<typeof EscalationStepSchema>;

const calendarDays = (amount: number): Duration => ({ amount, unit: 'calendar' });
const workingDays = (amount: number): Duration => ({ amount, unit: 'working' });
const months = (amount: number): Period => ({ amount, unit: 'calendar-months' });

export const SupervisionSettingsSchema = z
  .strictObject({
    /** Calendar-day and month limits that end on a day off end there (false) or on the next working day. */
    rollForwardToWorkingDay: z.boolean(),
    /** 交办: hand-over of a leader's instruction to the unit after 督查室 receives it (seed 000 L336). */
    handover: z.strictObject({ ordinary: DurationSchema, urgent: DurationSchema }),
    /**
     * 反馈时限 of 督查室 items by class (seed 000 L338). "特别紧急 … 尽快反馈" has no number: such an item
     * needs an explicit due date, no later than the routine one (deadlines.rules.ts).
     */
    feedback: z.strictObject({ routine: PeriodSchema, major: PeriodSchema, complex: PeriodSchema }),
    /** 信访督查督办 (seed 000 L1310–1312): the 交办函 draft and the deadline classes of petition cases. */
    petitionCases: z.strictObject({
      assignmentLetter: DurationSchema,
      sudden: z.strictObject({ min: DurationSchema, max: DurationSchema }),
      fairlyUrgent: DurationSchema,
      general: DurationSchema,
      complex: DurationSchema,
    }),
    /** 催办 of an overdue item (seed 000 L1322) and the prompt before the deadline (seed 003 L13@c17284). */
    reminders: z.strictObject({
      /** after the due date: the first working day after it */
      first: DurationSchema,
      /** after the first reminder */
      second: DurationSchema,
      /** before the due date */
      preDeadlinePrompt: DurationSchema,
    }),
    /** 督办单 colours: blue notice → yellow/orange → red (issue 5 §3; national-rules 2.8). */
    escalation: z.array(EscalationStepSchema).min(1),
    /** NPC suggestions and CPPCC proposals (人大建议、政协提案), seed 000 L378, seed 001 L820–836. */
    npcCppcc: z.strictObject({
      assignResponsibility: DurationSchema,
      midpointCheck: DurationSchema,
      sendBack: DurationSchema,
      coUnitOpinion: PeriodSchema,
      reply: PeriodSchema,
      replyLatest: PeriodSchema,
      redoReply: PeriodSchema,
      /** 分办 (each unit replies on its own, seed 001 L828); seed 000 L378 wants a lead unit instead. */
      allowSplitHandling: z.boolean(),
    }),
    /** Files stay with 督查室 for this long after filing, then go to the archives (seed 000 L328, L358). */
    archiveTransfer: PeriodSchema,
  })
  .superRefine((s, ctx) => {
    const { min, max } = s.petitionCases.sudden;
    if (min.unit !== max.unit || min.amount < 1 || min.amount > max.amount) {
      ctx.addIssue({
        code: 'custom',
        path: ['petitionCases', 'sudden'],
        message: 'sudden-case limits need one unit and 1 <= min <= max',
      });
    }
    const { reply, replyLatest } = s.npcCppcc;
    if (reply.unit === replyLatest.unit && reply.amount > replyLatest.amount) {
      ctx.addIssue({ code: 'custom', path: ['npcCppcc', 'replyLatest'], message: 'the latest reply may not come before the reply limit' });
    }
    if (s.reminders.first.amount < 1 || s.reminders.second.amount < 1) {
      ctx.addIssue({ code: 'custom', path: ['reminders'], message: 'a reminder comes at least one day after what it follows' });
    }
    s.escalation.forEach((step, i) => {
      if (i === 0 && step.trigger.on === 'after-previous-step') {
        ctx.addIssue({ code: 'custom', path: ['escalation', 0], message: 'the first colour step needs a reminder as trigger' });
      }
      const prev = s.escalation[i - 1];
      if (prev && COLOURS.indexOf(step.colour) <= COLOURS.indexOf(prev.colour)) {
        ctx.addIssue({ code: 'custom', path: ['escalation', i], message: 'colours must rise in severity: blue, yellow, orange, red' });
      }
      if (prev?.trigger.on === 'reminder' && step.trigger.on === 'reminder' && step.trigger.n <= prev.trigger.n) {
        ctx.addIssue({ code: 'custom', path: ['escalation', i], message: 'reminder triggers must follow each other' });
      }
    });
  });

export type SupervisionSettings = z.infer<typeof SupervisionSettingsSchema>;

/** Validates settings (for instance loaded from configuration); BAD_USER_INPUT with the issues. */
export function parseSupervisionSettings(input: unknown): SupervisionSettings {
  const parsed = SupervisionSettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw GovError.badInput(`invalid supervision settings: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * The defaults. Each value cites its seed line; "decision" marks a reading the seeds leave open
 * (README.md, "Decisions").
 */
export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = deepFreeze(
  parseSupervisionSettings({
    // decision: the stricter reading keeps a calendar-day due date on a day off (docs/decisions.md, Calendar).
    rollForwardToWorkingDay: false,
    handover: {
      // "一般批示件应在收件的当天或第二天交办" (seed 000 L336). 第二天 names no working day: decision, the next
      // calendar day (stricter than the next working day).
      ordinary: calendarDays(1),
      // "急件必须立即交办" (seed 000 L336): the day of receipt.
      urgent: calendarDays(0),
    },
    feedback: {
      // "半个月内反馈办理结果" (seed 000 L338). decision: half a month = 15 calendar days.
      routine: calendarDays(15),
      // "一个月内反馈" (seed 000 L338): one calendar month, clamped at month end (periods.ts).
      major: months(1),
      // "情况复杂或涉及司法案件的…两个月内反馈" (seed 000 L338).
      complex: months(2),
    },
    petitionCases: {
      // "经办人应在2个工作日内起草交办函" (seed 000 L1310).
      assignmentLetter: workingDays(2),
      // "突发紧急事项…办理时限视情况确定为1至5天" (seed 000 L1312). Units: seed silent, calendar days
      // (seed000-b gap 1, stricter).
      sudden: { min: calendarDays(1), max: calendarDays(5) },
      // "较为紧急的，办理时限为15天" (seed 000 L1312).
      fairlyUrgent: calendarDays(15),
      // "一般情况下，办理时限为30天" (seed 000 L1312).
      general: calendarDays(30),
      // "情况较复杂、处理难度较大的，办理时限为60天" (seed 000 L1312).
      complex: calendarDays(60),
    },
    reminders: {
      // "要在逾期的第1个工作日发函催办" (seed 000 L1322): the 1st working day after the due date.
      first: workingDays(1),
      // "应在第一次催办后的第16天再次发函催办" (seed 000 L1322): 16 calendar days after the first reminder.
      second: calendarDays(16),
      // "办理时限到达之前，对承办单位进行必要的提示" (seed 003 L13@c17284) gives no number. decision: 3
      // working days before the due date.
      preDeadlinePrompt: workingDays(3),
    },
    // No seed has colours. decision, after the three-colour 督查单 (national-rules 2.8, 三明): blue with the
    // first reminder, orange when the blue one went unanswered (the second reminder), red when the orange one
    // went unanswered for the same 16 days as between the reminders.
    escalation: [
      { colour: 'blue', trigger: { on: 'reminder', n: 1 } },
      { colour: 'orange', trigger: { on: 'reminder', n: 2 } },
      { colour: 'red', trigger: { on: 'after-previous-step', period: calendarDays(16) } },
    ],
    npcCppcc: {
      // "在20个工作日内落实办理工作责任" (seed 000 L378).
      assignResponsibility: workingDays(20),
      // "在规定办理时间过半时(45日后)" (seed 000 L378): day 45 after assignment, calendar days.
      midpointCheck: calendarDays(45),
      // "认为不属本单位办理的，应在10天内提出书面转办意见，加盖公章后…退回" (seed 001 L820).
      sendBack: calendarDays(10),
      // "会办单位要在交办之日起2个月内提出会办意见送主办单位" (seed 001 L830).
      coUnitOpinion: months(2),
      // "应在3个月内完成" (seed 000 L378); "交办之日起3个月内答复" (seed 001 L832).
      reply: months(3),
      // "正式答复最迟不得超过6个月" (seed 000 L378; seed 001 L832).
      replyLatest: months(6),
      // "不满意的，应立即责成有关部门重新办理" (seed 000 L378; seed 004 L230) gives no number. decision:
      // the routine supervision feedback period, 15 calendar days (seed 000 L338).
      redoReply: calendarDays(15),
      // seed 001 L828 allows 分办; seed 000 L378 requires 主办 and 会办 for two or more units: stricter.
      allowSplitHandling: false,
    },
    // "归档期限为一年" (seed 000 L328, L358): 12 calendar months.
    archiveTransfer: months(12),
  }),
);
