import { formatYearNumber } from '@gov/persistence';

/**
 * 督办编号: the register number of a supervision item, `督〔YYYY〕N号`, one gap-free sequence per Beijing year
 * (allocateNumber, prefix 督). The seeds give no format for it (seed 000 L332 only asks that items be
 * registered, 登记); the platform's 文号 style (GB/T 9704, formatYearNumber) is used, as for 收文〔2026〕N号.
 */
export const ITEM_NUMBER_PREFIX = '督';

/** The year an item is numbered in: the Beijing year of the moment it is opened. */
export function itemNumberYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
}

export function formatItemNumber(year: number, value: number): string {
  return formatYearNumber(ITEM_NUMBER_PREFIX, year, value);
}
