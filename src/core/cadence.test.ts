import {
  isTouchpointOverdue,
  nextTouchpointDue,
  planTouchpoints,
  type PlannerInput
} from './cadence';
import { loadProjectModel } from '../metadata/projectModel';

const model = loadProjectModel();
const input = (overrides: Partial<PlannerInput>): PlannerInput => ({
  accountId: '001000000000001AAA',
  tier: 'High',
  contractStart: '2025-01-01',
  acceptedAt: '2025-01-10',
  asOf: '2025-01-10',
  horizonDays: 365,
  ...overrides
});
const brief = (planned: ReturnType<typeof planTouchpoints>) =>
  planned.map(
    (touchpoint) =>
      `${touchpoint.dueDate} ${touchpoint.key.split(':')[1]}${touchpoint.automated ? ' (auto)' : ''}`
  );

describe('cadence planner', () => {
  it('plans High: kickoff in 14 days, meetings every 90 days, checks at 60 and 365 days', () => {
    expect(brief(planTouchpoints(input({}), model))).toEqual([
      '2025-01-24 kickoff',
      '2025-03-11 success-check',
      '2025-04-10 recurring-meeting-1',
      '2025-07-09 recurring-meeting-2',
      '2025-10-07 recurring-meeting-3',
      '2026-01-05 recurring-meeting-4',
      '2026-01-10 goal-review'
    ]);
  });

  it('plans Low: first contact 90 days after contract start but never after the success check; the yearly meeting is the goal review', () => {
    expect(brief(planTouchpoints(input({ tier: 'Low' }), model))).toEqual([
      '2025-03-11 first-contact',
      '2025-03-11 success-check',
      '2026-01-10 goal-review'
    ]);
  });

  it('plans Tech: automated welcome and the automated CSAT survey at 60 days', () => {
    expect(brief(planTouchpoints(input({ tier: 'Tech' }), model))).toEqual([
      '2025-01-10 welcome (auto)',
      '2025-03-11 csat-survey (auto)'
    ]);
  });

  it('keeps keys stable across reruns: later runs keep meeting numbers and dates', () => {
    const first = planTouchpoints(input({}), model);
    const later = planTouchpoints(input({ asOf: '2025-05-01' }), model);
    const firstByKey = new Map(first.map((touchpoint) => [touchpoint.key, touchpoint.dueDate]));
    const shared = later.filter((touchpoint) => firstByKey.has(touchpoint.key));
    expect(shared.length).toBeGreaterThan(2);
    expect(shared.map((touchpoint) => touchpoint.dueDate)).toEqual(
      shared.map((touchpoint) => firstByKey.get(touchpoint.key))
    );
    expect(later.map((touchpoint) => touchpoint.key)).toContain(
      '001000000000001AAA:recurring-meeting-5'
    );
    expect(later.map((touchpoint) => touchpoint.key)).not.toContain(
      '001000000000001AAA:recurring-meeting-1'
    );
    expect(new Set(later.map((touchpoint) => touchpoint.key)).size).toBe(later.length);
  });

  it('counts from the contract start when there is no acceptance', () => {
    expect(planTouchpoints(input({ acceptedAt: null }), model)[0].dueDate).toBe('2025-01-15');
  });

  it('finds the next open touchpoint and whether it is overdue', () => {
    const next = nextTouchpointDue([
      { dueDate: '2025-02-01', done: true },
      { dueDate: '2025-03-01' },
      { dueDate: '2025-02-15' },
      { dueDate: null }
    ]);
    expect(next).toBe('2025-02-15');
    expect(isTouchpointOverdue(next, '2025-02-15')).toBe(false);
    expect(isTouchpointOverdue(next, '2025-02-16')).toBe(true);
    expect(nextTouchpointDue([])).toBeNull();
    expect(isTouchpointOverdue(null, '2025-02-16')).toBe(false);
  });
});
