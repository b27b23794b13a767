import { describe, expect, it } from '@jest/globals';
import { createEnvelope, documents, meetings, supervision, type EventContract } from '@gov/contracts';
import type { z } from 'zod';
import { ruleActor } from '@gov/spec-kit';
import { inboxArrivalFor, scheduleChangeFor, supervisionNoticeFor } from './notices.js';

function event<D extends z.ZodType>(contract: EventContract<D>, data: Partial<z.infer<D>> = {}) {
  return createEnvelope({ section: contract.section, type: contract.type, subject: 'x', data: { ...(contract.example as object), ...data } as z.infer<D> });
}

describe('whose notice an event is', () => {
  it('inbox: only the person it was handed to', () => {
    const me = ruleActor(['section-chief'], { id: 'u-chief' });
    const handed = event(documents.incomingHandedOver, { toId: 'u-chief' });
    expect(inboxArrivalFor(me)(handed)).toMatchObject({ kind: 'incoming', documentId: handed.data.documentId, fromId: 'u-clerk' });
    expect(inboxArrivalFor(me)(event(documents.incomingHandedOver, { toId: 'someone-else' }))).toBeUndefined();
    expect(inboxArrivalFor(me)(event(documents.incomingRegistered))).toBeUndefined();
  });

  it('inbox: an outgoing draft now held by me, put there by someone else', () => {
    const me = ruleActor(['deputy-director'], { id: 'u-deputy' });
    expect(inboxArrivalFor(me)(event(documents.outgoingHandedOver, { holder: { id: 'u-deputy', name: '副主任' }, by: 'u-chief' }))).toMatchObject({
      kind: 'outgoing',
      fromId: 'u-chief',
      registerNumber: null,
    });
    expect(inboxArrivalFor(me)(event(documents.outgoingHandedOver, { holder: { id: 'u-deputy', name: '副主任' }, by: 'u-deputy' }))).toBeUndefined();
    expect(inboxArrivalFor(me)(event(documents.outgoingHandedOver, { holder: { id: 'u-other', name: '科长' }, by: 'u-chief' }))).toBeUndefined();
  });

  it.each([
    ['QFGW', 'lead'],
    ['QCZJ', 'co'],
    ['QJYJ', undefined],
  ])('supervision assigned to lead QFGW + co QCZJ: unit %s → %s', (unit, role) => {
    const notice = supervisionNoticeFor(unit)(event(supervision.itemAssigned, { leadUnit: 'QFGW', coUnits: ['QCZJ'] }));
    expect(notice?.role).toBe(role);
  });

  it('supervision escalation: the lead unit, with the colour', () => {
    const escalated = event(supervision.itemEscalated, { leadUnit: 'QZJJ', colour: 'orange' });
    expect(supervisionNoticeFor('QZJJ')(escalated)).toMatchObject({ kind: 'escalated', colour: 'orange', role: 'lead' });
    expect(supervisionNoticeFor('QFGW')(escalated)).toBeUndefined();
  });

  it.each([
    [['clerk'], 'u-x', null, true],
    [['district-leader'], '7012c082-4253-4bc1-b1b4-7cc7a8d3fc59', null, true],
    [['district-leader'], 'another-leader', null, false],
    [['unit-liaison'], 'u-y', '区发改局', true],
    [['unit-liaison'], 'u-y', 'QJYJ', false],
  ] as const)('schedule issued: roles %j id %s unit %s sees it: %s', (roles, id, unit, sees) => {
    const actor = ruleActor([...roles], { id, ...(unit ? { unit } : {}) });
    expect(scheduleChangeFor(actor)(event(meetings.scheduleIssued)) !== undefined).toBe(sees);
    expect(scheduleChangeFor(actor)(event(meetings.scheduleAmended)) !== undefined).toBe(sees);
  });
});
