/**
 * 督办编号: the register number of a supervision item, `督〔YYYY〕N号`, one gap-free sequence per Beijing year
 * (allocateYearNumber, prefix 督). The seeds give no format for it (seed 000 L332 only asks that items be
 * registered, 登记); the platform's 文号 style (GB/T 9704) is used, as for 收文〔2026〕N号.
 */
export const ITEM_NUMBER_PREFIX = '督';
