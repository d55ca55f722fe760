import type { Connection } from 'jsforce';
import { corePlanner } from './corePlanner';
import { planAndWrite } from './planAccounts';
import type { PlanInputs } from './planInputs';
import type { TaskWrite } from './taskDiff';
import { loadProjectModel } from '../../metadata/projectModel';

// Planning with the core planner and the project's Tier_Cadence__mdt records, in dry-run
// (no connection used): what would be written for a fresh account, a rerun, and a tier change.

const ACCOUNT = '001000000000001AAA';
const AM = '005000000000001AAA';
const OWNER = '005000000000009AAA';
const noOrg = {} as Connection;
const planner = corePlanner(loadProjectModel());
const options = { asOf: '2026-01-10', horizonDays: 365, dryRun: true };

const account = (fields: Record<string, unknown> = {}) => ({
  Id: ACCOUNT,
  OwnerId: OWNER,
  Account_Manager__c: AM,
  Touch_Tier__c: 'High',
  Suggested_Touch_Tier__c: 'High',
  Contract_Start__c: '2026-01-05',
  Onboarding_Started__c: '2026-01-10',
  Next_Touchpoint_Due__c: null,
  ...fields
});

/** The Tasks a first plan creates, as the org would return them. */
async function firstPlanTasks(inputs: PlanInputs) {
  const writes: TaskWrite[] = [];
  const summary = await planAndWrite(
    noOrg,
    inputs,
    (input) => {
      const planned = planner(input);
      writes.push(
        ...planned.map((touchpoint) => ({
          Touchpoint_Key__c: touchpoint.key,
          WhatId: ACCOUNT,
          OwnerId: AM,
          Subject: touchpoint.subject,
          ActivityDate: touchpoint.dueDate,
          Automated_Step__c: touchpoint.automated
        }))
      );
      return planned;
    },
    options
  );
  return {
    summary,
    tasks: writes.map((write, k) => ({ ...write, Id: `00T${k}`, IsClosed: false }))
  };
}

describe('planAndWrite with the core planner', () => {
  it('plans a High-touch account: kickoff, success check, goal review and 90-day meetings', async () => {
    const { summary, tasks } = await firstPlanTasks({
      accounts: [account()],
      handovers: [],
      tasks: []
    });
    expect(summary).toMatchObject({
      planned: 1,
      created: tasks.length,
      cancelled: 0,
      nextDueChanged: 1
    });
    expect(tasks.map((task) => task.Touchpoint_Key__c)).toEqual(
      expect.arrayContaining([
        `${ACCOUNT}:kickoff`,
        `${ACCOUNT}:success-check`,
        `${ACCOUNT}:goal-review`
      ])
    );
    expect(tasks.find((task) => task.Touchpoint_Key__c.endsWith(':kickoff'))?.ActivityDate).toBe(
      '2026-01-24'
    );
  });

  it('writes nothing when the Tasks already match the plan', async () => {
    const { tasks } = await firstPlanTasks({ accounts: [account()], handovers: [], tasks: [] });
    const rerun = await planAndWrite(
      noOrg,
      { accounts: [account({ Next_Touchpoint_Due__c: '2026-01-24' })], handovers: [], tasks },
      planner,
      options
    );
    expect(rerun).toMatchObject({ created: 0, updated: 0, cancelled: 0, nextDueChanged: 0 });
  });

  it('cancels the High meetings and plans automated steps when the tier becomes Tech', async () => {
    const { tasks } = await firstPlanTasks({ accounts: [account()], handovers: [], tasks: [] });
    const replan = await planAndWrite(
      noOrg,
      { accounts: [account({ Touch_Tier__c: 'Tech' })], handovers: [], tasks },
      planner,
      options
    );
    expect(replan.cancelled).toBe(tasks.length);
    expect(replan.created).toBeGreaterThan(0);
  });

  it('falls back to the owner without an account manager, and skips an account without a start', async () => {
    const summary = await planAndWrite(
      noOrg,
      {
        accounts: [
          account({ Account_Manager__c: null }),
          account({
            Id: '001000000000002AAA',
            Contract_Start__c: null,
            Onboarding_Started__c: null
          })
        ],
        handovers: [],
        tasks: []
      },
      planner,
      options
    );
    expect(summary.planned).toBe(1);
    expect(summary.skipped).toEqual([
      { accountId: '001000000000002AAA', reason: 'no contract start or accepted handover' }
    ]);
  });
});
