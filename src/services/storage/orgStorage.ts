import type { Connection } from 'jsforce';

/** Baton's own custom objects, whose records count against the org's data storage. */
export const BATON_OBJECTS = [
  'Customer_Outcome__c',
  'Handover__c',
  'Health_Backtest__c',
  'Health_Snapshot__c',
  'Survey_Response__c',
  'Usage_Snapshot__c'
] as const;

/** Salesforce counts most records as 2 KB of data storage, whatever their fields hold. */
export const BYTES_PER_RECORD = 2048;

export interface ObjectStorage {
  object: string;
  records: number;
  megabytes: number;
}

export interface StorageReport {
  objects: ObjectStorage[];
  records: number;
  megabytes: number;
  /** DataStorageMB.Max from /limits; null when the org does not say. */
  dataStorageMegabytes: number | null;
  /** Baton's share of the org's data storage (0–1); null when unknown. */
  share: number | null;
}

const megabytesOf = (records: number) =>
  Math.round(((records * BYTES_PER_RECORD) / (1024 * 1024)) * 100) / 100;

/** Counts Baton's records per object (one COUNT() each) and reads the org's storage limit. */
export async function orgStorage(conn: Connection): Promise<StorageReport> {
  const objects: ObjectStorage[] = [];
  for (const object of BATON_OBJECTS) {
    const records = (await conn.query(`SELECT COUNT() FROM ${object}`)).totalSize;
    objects.push({ object, records, megabytes: megabytesOf(records) });
  }
  const records = objects.reduce((sum, object) => sum + object.records, 0);
  const megabytes = megabytesOf(records);
  const dataStorageMegabytes = await dataStorageMax(conn);
  return {
    objects,
    records,
    megabytes,
    dataStorageMegabytes,
    share: dataStorageMegabytes ? megabytes / dataStorageMegabytes : null
  };
}

async function dataStorageMax(conn: Connection): Promise<number | null> {
  const limits = (await conn.limits()) as Record<string, { Max?: number } | undefined>;
  const max = limits.DataStorageMB?.Max;
  return typeof max === 'number' && max > 0 ? max : null;
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** "Baton's records: 12,400 (24.22 MB at 2 KB a record), 2.4 % of the org's 1,024 MB" and a line per object. */
export function formatStorage(report: StorageReport): string {
  const share =
    report.share === null
      ? "share of the org's data storage unknown (no DataStorageMB in /limits)"
      : `${(report.share * 100).toFixed(1)} % of the org's ${thousands(report.dataStorageMegabytes!)} MB data storage`;
  return [
    `Baton's records: ${thousands(report.records)} (${report.megabytes} MB at 2 KB a record), ${share}`,
    ...report.objects.map(
      (object) =>
        `  ${object.object.padEnd(20)} ${thousands(object.records).padStart(12)}  ${object.megabytes} MB`
    )
  ].join('\n');
}
