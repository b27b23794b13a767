import { GovError } from '@gov/contracts';
import { z } from 'zod';
import { dayOfWeek, yearOf } from './iso-date.js';

/**
 * One year's 放假调休安排 as published by the State Council General Office (国务院办公厅), usually in November
 * of the year before: the 法定节假日 (public holidays, as ranges of days off) and the 调休 make-up working days
 * (weekend days that are worked to bridge a holiday). Days not listed follow the weekend rule. An administrator
 * loads each new year through the gateway; this schema is the gate for that data.
 */
export const HolidayYearSchema = z
  .strictObject({
    year: z.number().int().min(1949).max(9999),
    /** The notice the data was taken from, e.g. `国办发明电〔2024〕12号 (2024-11-12)`. */
    source: z.string().trim().min(1, 'source must name the State Council notice'),
    holidays: z
      .array(
        z.strictObject({
          name: z.string().trim().min(1, 'holiday name is required'),
          from: z.iso.date('from must be a real date written YYYY-MM-DD'),
          to: z.iso.date('to must be a real date written YYYY-MM-DD'),
        }),
      )
      .min(1, 'a year has at least one public holiday'),
    makeUpWorkdays: z.array(z.iso.date('make-up workday must be a real date written YYYY-MM-DD')),
  })
  .superRefine((y, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    y.holidays.forEach((h, i) => {
      for (const key of ['from', 'to'] as const) {
        if (yearOf(h[key]) !== y.year) issue(['holidays', i, key], `${h[key]} is not in year ${y.year}`);
      }
      if (h.from > h.to) issue(['holidays', i], `${h.name}: from ${h.from} is after to ${h.to}`);
    });
    const sorted = [...y.holidays].sort((a, b) => a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i++) {
      const [prev, cur] = [sorted[i - 1]!, sorted[i]!];
      if (cur.from <= prev.to) issue(['holidays'], `${prev.name} and ${cur.name} overlap`);
    }
    const seen = new Set<string>();
    y.makeUpWorkdays.forEach((d, i) => {
      if (yearOf(d) !== y.year) issue(['makeUpWorkdays', i], `${d} is not in year ${y.year}`);
      const dow = dayOfWeek(d);
      if (dow !== 0 && dow !== 6) issue(['makeUpWorkdays', i], `${d} is a weekday; a make-up workday is a Saturday or Sunday`);
      const inside = y.holidays.find((h) => h.from <= d && d <= h.to);
      if (inside) issue(['makeUpWorkdays', i], `${d} is inside the holiday ${inside.name} (${inside.from}..${inside.to})`);
      if (seen.has(d)) issue(['makeUpWorkdays', i], `${d} is listed twice`);
      seen.add(d);
    });
  });

export type HolidayYear = z.infer<typeof HolidayYearSchema>;
export type Holiday = HolidayYear['holidays'][number];

/** Validates untrusted year data (e.g. an admin's mutation); throws BAD_USER_INPUT listing every problem. */
export function parseHolidayYear(input: unknown): HolidayYear {
  const result = HolidayYearSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const year = (input as { year?: unknown } | null)?.year;
  throw GovError.badInput(
    `invalid holiday calendar data${typeof year === 'number' ? ` for ${year}` : ''}: ` +
      issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
    { issues },
  );
}
