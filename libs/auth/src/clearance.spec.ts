import { CLEARANCES, CLEARANCE_NAMES_ZH, clearanceAtLeast, isClearance, type Clearance } from './clearance.js';

describe('clearance ordering none < secret 秘密 < confidential 机密 < top-secret 绝密', () => {
  it('lists the levels lowest first', () => {
    expect(CLEARANCES).toEqual(['none', 'secret', 'confidential', 'top-secret']);
  });

  it('names the classified levels in Chinese', () => {
    expect(CLEARANCE_NAMES_ZH.secret).toBe('秘密');
    expect(CLEARANCE_NAMES_ZH.confidential).toBe('机密');
    expect(CLEARANCE_NAMES_ZH['top-secret']).toBe('绝密');
  });

  // has \ needed: none, secret, confidential, top-secret
  const table: Array<[Clearance, [boolean, boolean, boolean, boolean]]> = [
    ['none', [true, false, false, false]],
    ['secret', [true, true, false, false]],
    ['confidential', [true, true, true, false]],
    ['top-secret', [true, true, true, true]],
  ];
  for (const [has, row] of table) {
    CLEARANCES.forEach((needed, i) => {
      it(`${has} ${row[i] ? 'reaches' : 'does not reach'} ${needed}`, () => {
        expect(clearanceAtLeast(has, needed)).toBe(row[i]);
      });
    });
  }

  it('fails closed on values that are not clearances', () => {
    expect(clearanceAtLeast('TOP-SECRET' as Clearance, 'none')).toBe(false);
    expect(clearanceAtLeast('top-secret', 'ultra' as Clearance)).toBe(false);
    expect(isClearance('secret')).toBe(true);
    expect(isClearance('Secret')).toBe(false);
    expect(isClearance(undefined)).toBe(false);
  });
});
