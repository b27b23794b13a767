import type { HolidayYear } from './holiday-year.js';

/**
 * The verified schedules shipped with the platform, kept identical to data/2025.json and data/2026.json (a spec
 * test compares them). Why not `import … with { type: 'json' }`: the repo's swc config (in jest.config.mjs) drops the
 * import attribute, and Node refuses a JSON import without it, so the data lives in a TS module.
 *
 * Source: /work/shared/domain/holidays.md, checked against the State Council General Office notices
 * 国办发明电〔2024〕12号 (2024-11-12) for 2025 and the notice of 2025-11-04 for 2026.
 */
export const BUNDLED_YEARS: readonly HolidayYear[] = [
  {
    year: 2025,
    source: '国办发明电〔2024〕12号 (2024-11-12)',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
