import type { SupervisionDatabase } from '../database.js';

/**
 * Which of the supervision item's optional tables and columns exist in this database. The reports read
 * supervision_item with raw SQL and must work on the first slice's schema (no closed_at, no report table) as
 * well as on the full workflow's (supervision_item.closed_at, supervision_report). One catalogue query.
 */
export async function supervisionTables(db: InstanceType<typeof SupervisionDatabase>): Promise<{ closedAt: boolean; reports: boolean }> {
  const rows = await db.$queryRawUnsafe<{ closed_at: boolean; reports: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = 'supervision_item' AND column_name = 'closed_at') AS closed_at,
            EXISTS (SELECT 1 FROM information_schema.tables
                     WHERE table_schema = current_schema() AND table_name = 'supervision_report') AS reports`,
  );
  return { closedAt: rows[0]!.closed_at, reports: rows[0]!.reports };
}
