import type { Connection } from 'jsforce';
import { z } from 'zod';
import type { Tier } from '../../core/config/records';
import { readMany, saveMany, type WriteFailure } from '../touchpoints/records';

const blank = (value: unknown) => (value === '' || value === undefined ? null : value);
const number = z.preprocess(
  (value) => (blank(value) === null ? null : Number(value)),
  z.number().finite().nullable()
);

/** An Account as tier assignment reads it (REST rows are typed; Bulk rows are CSV text). */
export const tierAccountSchema = z.object({
  Id: z.string(),
  Name: z.preprocess(blank, z.string().nullable()),
  MRR__c: number,
  Growth_Potential__c: number,
  Strategic_Account__c: z.preprocess((value) => value === true || value === 'true', z.boolean()),
  Touch_Tier__c: z.preprocess(blank, z.string().nullable()),
  Suggested_Touch_Tier__c: z.preprocess(blank, z.string().nullable()),
  Touch_Tier_Override_Reason__c: z.preprocess(blank, z.string().nullable())
});
export type TierAccount = z.infer<typeof tierAccountSchema>;

export const TIER_ACCOUNT_FIELDS = Object.keys(tierAccountSchema.shape).join(', ');

/** The core's suggestion for one account, as the assignment needs it. */
export type SuggestTier = (account: TierAccount) => { tier: Tier; reason: string };

export interface TierChange {
  accountId: string;
  name: string | null;
  from: string | null;
  to: Tier;
  reason: string;
}

export interface TierAssignSummary {
  dryRun: boolean;
  accounts: number;
  changed: number;
  /** Only Suggested_Touch_Tier__c was behind (the tier itself already matched). */
  suggestionRefreshed: number;
  unchanged: number;
  /** Accounts with an override reason: never written. */
  overridden: number;
  /** Overridden accounts whose suggestion now differs from their tier: worth a look. */
  overridesDiffering: {
    accountId: string;
    name: string | null;
    tier: string | null;
    suggested: Tier;
  }[];
  changes: TierChange[];
  failures: { accountId: string; errorCode: string; message: string }[];
}

/**
 * Suggests every account's tier and writes Suggested_Touch_Tier__c and Touch_Tier__c where
 * they differ. An account with Touch_Tier_Override_Reason__c is never written, not even
 * its suggestion: the card shows the live suggestion beside an override. One read of the
 * accounts, and one write of the changed rows only.
 */
export async function assignTiers(
  conn: Connection,
  suggest: SuggestTier,
  options: { dryRun?: boolean } = {}
): Promise<TierAssignSummary> {
  const rows = await readMany(conn, `SELECT ${TIER_ACCOUNT_FIELDS} FROM Account`);
  const summary: TierAssignSummary = {
    dryRun: Boolean(options.dryRun),
    accounts: rows.length,
    changed: 0,
    suggestionRefreshed: 0,
    unchanged: 0,
    overridden: 0,
    overridesDiffering: [],
    changes: [],
    failures: []
  };
  const writes: { Id: string; Touch_Tier__c: Tier; Suggested_Touch_Tier__c: Tier }[] = [];
  for (const row of rows) {
    const account = tierAccountSchema.parse(row);
    const { tier, reason } = suggest(account);
    if (account.Touch_Tier_Override_Reason__c?.trim()) {
      summary.overridden++;
      if (account.Touch_Tier__c !== tier)
        summary.overridesDiffering.push({
          accountId: account.Id,
          name: account.Name,
          tier: account.Touch_Tier__c,
          suggested: tier
        });
      continue;
    }
    if (account.Touch_Tier__c === tier && account.Suggested_Touch_Tier__c === tier) {
      summary.unchanged++;
      continue;
    }
    writes.push({ Id: account.Id, Touch_Tier__c: tier, Suggested_Touch_Tier__c: tier });
    if (account.Touch_Tier__c === tier) {
      summary.suggestionRefreshed++;
      continue;
    }
    summary.changes.push({
      accountId: account.Id,
      name: account.Name,
      from: account.Touch_Tier__c,
      to: tier,
      reason
    });
  }
  const failures: WriteFailure[] = options.dryRun
    ? []
    : await saveMany(conn, 'Account', { kind: 'update' }, writes);
  const failed = new Set(failures.map((failure) => String(failure.row.Id)));
  summary.failures = failures.map((failure) => ({
    accountId: String(failure.row.Id),
    errorCode: failure.errorCode,
    message: failure.message
  }));
  summary.changes = summary.changes.filter((change) => !failed.has(change.accountId));
  summary.changed = summary.changes.length;
  return summary;
}

/** The run in one sentence: the report's first line, and what `npm start` logs. */
export const assignHeadline = (summary: TierAssignSummary) =>
  `${summary.dryRun ? 'Would change' : 'Changed'} the tier of ${summary.changed} of ${summary.accounts} accounts; suggestion refreshed on ${summary.suggestionRefreshed}; ${summary.unchanged} unchanged; ${summary.overridden} kept by an override` +
  (summary.failures.length ? `; ${summary.failures.length} failed.` : '.');
