import { addCalendarDays, toIsoDate } from '@gov/calendar';
import { errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * Issue 5, first slice: a supervisor opens a supervision item (立项), the office director admits it, the
 * supervisor hands it to a lead unit and a co-unit (交办), and a query shows it with its units and due date;
 * the lead unit's liaison sees it; a clerk is refused.
 */
const OPEN = `mutation Open($input: OpenSupervisionItemInput!) {
  openSupervisionItem(input: $input) { id registerNumber state class history { action } }
}`;
const ADMIT = `mutation Admit($id: ID!) { admitSupervisionItem(id: $id) { id state admittedAt } }`;
const ASSIGN = `mutation Assign($input: AssignSupervisionItemInput!) {
  assignSupervisionItem(input: $input) { id state dueOn assignees { unit role responsiblePerson } }
}`;
const ITEM = `query Item($id: ID!) {
  supervisionItem(id: $id) {
    registerNumber title state assignedOn dueOn dueSetBy
    assignees { unit role responsiblePerson }
    history { action fromState toState actorName }
  }
}`;
const ITEMS = `query Items($state: String, $unit: String) { supervisionItems(state: $state, unit: $unit) { total items { id registerNumber dueOn } } }`;

const input = {
  title: '推进老旧小区改造项目按期开工',
  content: '督促区发改委会同区住建局于三月底前完成老旧小区改造项目开工前各项手续。',
  class: 'routine',
  sourceReference: '区长办公会议（2026年第3次）',
};

let platform: TestPlatform;
let supervisor: string;
let director: string;
let clerk: string;
let liaison: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [supervisor, director, clerk, liaison] = await Promise.all(
    ['supervisor', 'director', 'clerk', 'unit-liaison'].map((u) => login(platform.issuer, u)),
  );
});

afterAll(async () => {
  await platform?.stop();
});

describe('督查事项 end to end through the gateway', () => {
  it('a supervisor opens, the director admits, the supervisor assigns, and queries show the lead unit and due date', async () => {
    const opened = await graphql(platform.gateway, OPEN, { input }, supervisor);
    expect(opened.errors).toBeUndefined();
    const item = opened.data!.openSupervisionItem;
    expect(item).toMatchObject({ state: 'proposed', class: 'routine', history: [{ action: 'propose' }] });
    expect(item.registerNumber).toMatch(/^督〔20\d\d〕1号$/);

    // The supervisor may not admit; the director does.
    expect(errorCode(await graphql(platform.gateway, ADMIT, { id: item.id }, supervisor))).toBe('FORBIDDEN');
    const admitted = await graphql(platform.gateway, ADMIT, { id: item.id }, director);
    expect(admitted.errors).toBeUndefined();
    expect(admitted.data!.admitSupervisionItem.state).toBe('admitted');

    const assigned = await graphql(
      platform.gateway,
      ASSIGN,
      { input: { id: item.id, leadUnit: 'QFGW', coUnits: ['QZJJ'], responsiblePerson: '张明' } },
      supervisor,
    );
    expect(assigned.errors).toBeUndefined();
    // A routine item: 15 calendar days from the hand-over day (Beijing), kept on a day off.
    const today = toIsoDate(new Date());
    const due = addCalendarDays(today, 15);
    expect(assigned.data!.assignSupervisionItem).toMatchObject({ state: 'assigned', dueOn: due });

    const shown = await graphql(platform.gateway, ITEM, { id: item.id }, director);
    expect(shown.errors).toBeUndefined();
    expect(shown.data!.supervisionItem).toMatchObject({
      registerNumber: item.registerNumber,
      title: input.title,
      state: 'assigned',
      assignedOn: today,
      dueOn: due,
      dueSetBy: 'class',
      assignees: [
        { unit: 'QFGW', role: 'lead', responsiblePerson: '张明' },
        { unit: 'QZJJ', role: 'co', responsiblePerson: '张明' },
      ],
    });
    expect(shown.data!.supervisionItem.history.map((h: { action: string }) => h.action)).toEqual(['propose', 'admit', 'assign']);

    // The lead unit's liaison (unit QFGW) sees the item in its list and can open it.
    const own = await graphql(platform.gateway, ITEMS, {}, liaison);
    expect(own.errors).toBeUndefined();
    expect(own.data!.supervisionItems.items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect((await graphql(platform.gateway, ITEM, { id: item.id }, liaison)).data!.supervisionItem.dueOn).toBe(due);

    const assignedList = await graphql(platform.gateway, ITEMS, { state: 'assigned', unit: 'QFGW' }, supervisor);
    expect(assignedList.data!.supervisionItems).toMatchObject({ total: 1, items: [{ id: item.id, dueOn: due }] });
  });

  it('refuses a clerk with FORBIDDEN, for opening and for reading', async () => {
    expect(errorCode(await graphql(platform.gateway, OPEN, { input }, clerk))).toBe('FORBIDDEN');
    expect(errorCode(await graphql(platform.gateway, ITEMS, {}, clerk))).toBe('FORBIDDEN');
  });

  it('refuses an assignment without a lead unit with BAD_USER_INPUT', async () => {
    const opened = await graphql(platform.gateway, OPEN, { input }, supervisor);
    const { id } = opened.data!.openSupervisionItem;
    await graphql(platform.gateway, ADMIT, { id }, director);
    const res = await graphql(platform.gateway, ASSIGN, { input: { id, leadUnit: ' ', responsiblePerson: '张明' } }, supervisor);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});
