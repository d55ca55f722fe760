import type { Connection } from 'jsforce';
import { z } from 'zod';
import type { PortfolioSettings } from '../../core/portfolio/settings';
import { segmentBook, type Segment } from '../../core/portfolio/value';
import { readMany, saveMany } from '../touchpoints/records';

const blank = (value: unknown) => (value === '' || value === undefined ? null : value);
const number = z.preprocess(
  (value) => (blank(value) === null ? null : Number(value)),
  z.number().finite().nullable()
);
const text = z.preprocess(blank, z.string().nullable());

/** An Account as segmentation reads it (REST rows are typed; Bulk rows are CSV text). */
const segmentAccountSchema = z.object({
  Id: z.string(),
  Name: text,
  MRR__c: number,
  Profitability__c: number,
  Reference_Value__c: number,
  Growth_Potential__c: number,
  Portfolio_Value__c: number,
  Portfolio_Segment__c: text,
  Portfolio_Strategy__c: text
});
const FIELDS = Object.keys(segmentAccountSchema.shape).join(', ');

export interface SegmentSummary {
  dryRun: boolean;
  accounts: number;
  bySegment: Record<Segment, number>;
  changed: number;
  unscored: { accountId: string; name: string | null; missing: string[] }[];
  failures: { accountId: string; errorCode: string; message: string }[];
}

/**
 * Segments every account and writes value, segment and strategy where they changed; an
 * account missing an input has them cleared, so no stale segment outlives its inputs. One
 * read and one write of the changed rows (collections, or Bulk above its threshold).
 */
export async function segmentAccounts(
  conn: Connection,
  settings: PortfolioSettings,
  options: { dryRun?: boolean } = {}
): Promise<SegmentSummary> {
  const accounts = (await readMany(conn, `SELECT ${FIELDS} FROM Account`)).map((row) =>
    segmentAccountSchema.parse(row)
  );
  const { valued, unscored } = segmentBook(
    accounts.map((account) => ({
      id: account.Id,
      revenue: account.MRR__c === null ? null : account.MRR__c * 12,
      profitability: account.Profitability__c,
      referenceValue: account.Reference_Value__c,
      potential: account.Growth_Potential__c
    })),
    settings
  );
  const byId = new Map(accounts.map((account) => [account.Id, account]));
  const wanted = [
    ...valued.map((entry) => ({
      Id: entry.id,
      Portfolio_Value__c: entry.value,
      Portfolio_Segment__c: entry.segment,
      Portfolio_Strategy__c: entry.strategy
    })),
    ...unscored.map((entry) => ({
      Id: entry.id,
      Portfolio_Value__c: null,
      Portfolio_Segment__c: null,
      Portfolio_Strategy__c: null
    }))
  ];
  const writes = wanted.filter((row) => {
    const now = byId.get(row.Id)!;
    return (
      now.Portfolio_Value__c !== row.Portfolio_Value__c ||
      now.Portfolio_Segment__c !== row.Portfolio_Segment__c ||
      now.Portfolio_Strategy__c !== row.Portfolio_Strategy__c
    );
  });
  const failures = options.dryRun
    ? []
    : await saveMany(conn, 'Account', { kind: 'update' }, writes);
  const bySegment: Record<Segment, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const entry of valued) bySegment[entry.segment]++;
  return {
    dryRun: Boolean(options.dryRun),
    accounts: accounts.length,
    bySegment,
    changed: writes.length - failures.length,
    unscored: unscored.map((entry) => ({
      accountId: entry.id,
      name: byId.get(entry.id)?.Name ?? null,
      missing: entry.missing
    })),
    failures: failures.map((failure) => ({
      accountId: String(failure.row.Id),
      errorCode: failure.errorCode,
      message: failure.message
    }))
  };
}

/** The run in one sentence: the report's first line, and what `npm start` logs. */
export function segmentHeadline(summary: SegmentSummary): string {
  const { A, B, C, D } = summary.bySegment;
  return (
    `${summary.dryRun ? 'Would write' : 'Wrote'} the segment of ${summary.changed} of ${summary.accounts} accounts: A ${A}, B ${B}, C ${C}, D ${D}; ${summary.unscored.length} not scored` +
    (summary.failures.length ? `; ${summary.failures.length} failed.` : '.')
  );
}
