import { readFileSync, writeFileSync } from 'node:fs';
import { CONTRACT_PATH, loadContract, type ExpectedTask, type Fixture } from './contract';
import { acceptPlan, messageLanguage, type BatonModel, type Tier } from '../../core';
import { loadProjectModel } from '../../metadata/projectModel';
import { addDays, daysBetween, isoDateOf } from '../../core/dates';

/**
 * The touchpoint Tasks an accept fixture expects: the given Tasks as accept leaves them and
 * the core's acceptPlan (planTouchpoints over the project's Tier_Cadence__mdt records) (not through the twin, which the fixture checks).
 * This is the only writer of `then.tasks` in the contract file, so the fixture follows the
 * metadata; the Apex and the twin are both checked against it. After changing Tier_Cadence__mdt run
 * `npx tsx src/services/handover/contractTasks.ts` and commit the static resource.
 */

/** A fixture whose steps end in a successful accept: its Tasks are pinned. */
export const plansOnAccept = (fixture: Fixture) =>
  !fixture.then.error && fixture.when.some((step) => step.method === 'accept');

/**
 * @param today the acceptance day the plan is computed for (the run's day)
 * @returns the Tasks sorted by key; a date that moves with acceptance is '@today+N', one
 *   counted from the contract start stays a date
 */
export function expectedTasks(
  fixture: Fixture,
  today: string,
  model: BatonModel = loadProjectModel()
): ExpectedTask[] {
  const handover = fixture.given.handover ?? {};
  const account = fixture.given.account;
  // The tier rule of the contract: the seller's proposal, else the Account's, else High.
  const tier = (handover.Proposed_Touch_Tier__c ?? account.Touch_Tier__c ?? 'High') as Tier;
  const manager = handover.Account_Manager__c as string;
  const plan = (day: string) =>
    acceptPlan(
      {
        Customer_Stage__c: account.Customer_Stage__c as string | undefined,
        Account_Manager__c: account.Account_Manager__c as string | undefined
      },
      {
        Id: '@handover',
        Account__c: '@account',
        Account_Manager__c: manager,
        Contract_Start__c: handover.Contract_Start__c as string | undefined
      },
      tier,
      day,
      model,
      messageLanguage(fixture.given.languages?.am)
    );
  const accepted = plan(today);
  // Planned again one day later: what moves with the acceptance day is relative to it.
  const nextDay = new Map(
    plan(addDays(today, 1)).touchpoints.map((touchpoint) => [touchpoint.key, touchpoint.dueDate])
  );
  const byKey = new Map<string, ExpectedTask>();
  const plannedKeys = new Set(accepted.touchpoints.map((touchpoint) => touchpoint.key));
  for (const given of fixture.given.tasks ?? []) {
    const open = given.Status !== 'Completed';
    // A customer starting over: the old plan's open Tasks give way to the new plan.
    if (
      open &&
      accepted.replacesOpenTouchpoints &&
      !plannedKeys.has(String(given.Touchpoint_Key__c))
    )
      continue;
    const handed =
      open && (accepted.adoptsOpenTouchpoints || given.OwnerId === accepted.previousAccountManager);
    byKey.set(String(given.Touchpoint_Key__c), {
      Touchpoint_Key__c: String(given.Touchpoint_Key__c),
      Subject: String(given.Subject),
      ActivityDate: String(given.ActivityDate),
      OwnerId: handed ? manager : String(given.OwnerId),
      Type: (given.Type as string | undefined) ?? null,
      Automated_Step__c: given.Automated_Step__c === true
    });
  }
  for (const touchpoint of accepted.touchpoints) {
    const given = fixture.given.tasks?.find((task) => task.Touchpoint_Key__c === touchpoint.key);
    if (given?.Status === 'Completed') continue;
    const offset = daysBetween(today, touchpoint.dueDate);
    const moves = nextDay.get(touchpoint.key) !== touchpoint.dueDate;
    byKey.set(touchpoint.key, {
      Touchpoint_Key__c: touchpoint.key,
      Subject: touchpoint.subject,
      ActivityDate: moves && offset >= 0 ? `@today+${offset}` : touchpoint.dueDate,
      OwnerId: manager,
      Type: touchpoint.automated ? null : 'Meeting',
      Automated_Step__c: touchpoint.automated
    });
  }
  return [...byKey.values()].sort((a, b) => (a.Touchpoint_Key__c < b.Touchpoint_Key__c ? -1 : 1));
}

/** Rewrites `then.tasks` and `then.touchpoints` of every accept fixture in the file. */
export function writeExpectedTasks(today: string): void {
  const raw = JSON.parse(readFileSync(CONTRACT_PATH, 'utf8')) as {
    fixtures: { name: string; then: Record<string, unknown> }[];
  };
  for (const fixture of loadContract()) {
    if (!plansOnAccept(fixture)) continue;
    const target = raw.fixtures.find((candidate) => candidate.name === fixture.name)!;
    const tasks = expectedTasks(fixture, today);
    target.then.touchpoints = tasks.length;
    target.then.tasks = tasks;
  }
  writeFileSync(CONTRACT_PATH, `${JSON.stringify(raw, null, 2)}\n`);
}

if (require.main === module) {
  writeExpectedTasks(isoDateOf(new Date()));
  process.stdout.write(`Wrote the accept fixtures' tasks to ${CONTRACT_PATH}\n`);
}
