import type { supervision } from '@gov/contracts';
import type { IsoDate } from '@gov/calendar';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The first and last day of a report's period (Beijing dates): a calendar month, a half year (1 January–30 June,
 * 1 July–31 December) or a year. The seeds ask for monthly, half-year and annual circulars (seed 000 L1324).
 */
export function periodRange(period: supervision.StatisticsPeriod): { from: IsoDate; to: IsoDate } {
  switch (period.kind) {
    case 'month':
      return { from: `${period.year}-${pad(period.month)}-01`, to: `${period.year}-${pad(period.month)}-${pad(lastDay(period.year, period.month))}` };
    case 'half-year':
      return period.half === 1 ? { from: `${period.year}-01-01`, to: `${period.year}-06-30` } : { from: `${period.year}-07-01`, to: `${period.year}-12-31` };
    case 'year':
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
  }
}
