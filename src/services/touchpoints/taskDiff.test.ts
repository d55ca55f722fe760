import { diffTaskPlan, type PlannedTouchpoint, type TouchpointTask } from './taskDiff';

const ACCOUNT = '001000000000001AAA';
const AM = '005000000000001AAA';
const OTHER_AM = '005000000000002AAA';

const planned = (key: string, dueDate: string, automated = false): PlannedTouchpoint => ({
  key: `${ACCOUNT}:${key}`,
  kind: key,
  subject: `Subject ${key}`,
  dueDate,
  automated
});

const asTask = (touchpoint: PlannedTouchpoint, extra: Partial<TouchpointTask> = {}) => ({
  Id: `00T${touchpoint.key.slice(-6)}`,
  WhatId: ACCOUNT,
  OwnerId: AM,
  Subject: touchpoint.subject,
  ActivityDate: touchpoint.dueDate,
  IsClosed: false,
  Automated_Step__c: touchpoint.automated,
  Touchpoint_Key__c: touchpoint.key,
  ...extra
});

const base = { accountId: ACCOUNT, ownerId: AM, asOf: '2026-01-10', horizonEnd: '2027-01-10' };

describe('diffTaskPlan', () => {
  const plan = [planned('kickoff', '2026-01-24'), planned('success-check', '2026-03-11')];

  it('creates every future touchpoint when nothing exists, and reports the earliest', () => {
    const diff = diffTaskPlan({ ...base, planned: plan, existing: [] });
    expect(diff.creates.map((task) => task.Touchpoint_Key__c)).toEqual(plan.map((p) => p.key));
    expect(diff.creates[0]).toMatchObject({ OwnerId: AM, WhatId: ACCOUNT, Status: 'Not Started' });
    expect(diff.nextDue).toBe('2026-01-24');
  });

  it('writes nothing on a rerun with the same plan', () => {
    const diff = diffTaskPlan({ ...base, planned: plan, existing: plan.map((p) => asTask(p)) });
    expect(diff).toEqual({ creates: [], updates: [], cancels: [], nextDue: '2026-01-24' });
  });

  it('moves open Tasks to a new date or owner, and never touches closed ones', () => {
    const moved = [planned('kickoff', '2026-01-30'), planned('success-check', '2026-03-20')];
    const existing = [asTask(plan[0]), asTask(plan[1], { IsClosed: true })];
    const diff = diffTaskPlan({ ...base, ownerId: OTHER_AM, planned: moved, existing });
    expect(diff.updates).toEqual([
      expect.objectContaining({ ActivityDate: '2026-01-30', OwnerId: OTHER_AM })
    ]);
    expect(diff.creates).toEqual([]);
    expect(diff.nextDue).toBe('2026-01-30');
  });

  it('cancels open future Tasks the plan dropped, keeps overdue and beyond-horizon ones', () => {
    const overdue = asTask(planned('old-meeting', '2026-01-01'));
    const future = asTask(planned('meeting-90', '2026-04-10'));
    const beyond = asTask(planned('meeting-450', '2027-04-10'));
    const alert = asTask(planned('alert', '2026-02-01'));
    const diff = diffTaskPlan({
      ...base,
      planned: [planned('welcome', '2026-01-10', true)],
      existing: [overdue, future, beyond, alert],
      isForeignKey: (key) => key.endsWith(':alert')
    });
    expect(diff.cancels).toEqual([future]);
    expect(diff.creates).toEqual([
      expect.objectContaining({ Automated_Step__c: true, Type: null })
    ]);
    expect(diff.nextDue).toBe('2026-01-01');
  });

  it('does not backfill touchpoints that were due before asOf', () => {
    const diff = diffTaskPlan({
      ...base,
      planned: [planned('kickoff', '2026-01-09')],
      existing: []
    });
    expect(diff.creates).toEqual([]);
    expect(diff.nextDue).toBeNull();
  });
});
