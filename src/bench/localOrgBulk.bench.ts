import { Readable } from 'node:stream';
import { MB, MemoryPeak, type BenchLine } from './types';
import { startOrgProcess } from './orgProcess';
import { bulkQuery } from '../org/bulk';

/**
 * The local org under Bulk API 2.0 load: 1 000 000 Accounts (BENCH_SCALE shrinks it)
 * ingested from one CSV upload, exported through locator pages, then selective REST
 * queries. The baseline, measured in the same run, is REST collections (200 rows a request),
 * the way a client without Bulk would load the same rows. The org runs in its own process
 * (as `baton org start` does), so its peak RSS is the org's alone, and the client's is apart.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const ROWS = Math.round(1_000_000 * SCALE);
const BASELINE_ROWS = Math.min(20_000, ROWS);
const SELECTIVE_QUERIES = 1_000;

export function csvRows(count: number, prefix: string): Readable {
  let i = 0;
  return Readable.from(
    (function* () {
      yield 'Name,MRR__c,External_Id__c,Touch_Tier__c\n';
      while (i < count) {
        let chunk = '';
        for (let k = 0; k < 5_000 && i < count; k++, i++)
          chunk += `${prefix} ${i} Oy,${(i % 9000) + 50},${prefix}-${i},${['High', 'Low', 'Tech'][i % 3]}\n`;
        yield chunk;
      }
    })()
  );
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function run(): Promise<BenchLine[]> {
  const t = await startOrgProcess({ kind: 'empty' });
  const peak = new MemoryPeak();
  const sampler = setInterval(() => peak.sample(), 50);
  try {
    const { conn } = t;
    await t.resetPeak();
    const base = `${conn.instanceUrl}/services/data/v62.0/jobs/ingest`;
    const headers = {
      Authorization: `Bearer ${conn.accessToken}`,
      'Content-Type': 'application/json'
    };
    const job = (await (
      await fetch(base, {
        method: 'POST',
        headers,
        body: JSON.stringify({ object: 'Account', operation: 'insert' })
      })
    ).json()) as { id: string };
    await fetch(`${base}/${job.id}/batches`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'text/csv' },
      body: csvRows(ROWS, 'Bench') as unknown as BodyInit,
      duplex: 'half'
    } as RequestInit);
    const ingestStart = performance.now();
    await fetch(`${base}/${job.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ state: 'UploadComplete' })
    });
    for (;;) {
      const info = (await (await fetch(`${base}/${job.id}`, { headers })).json()) as {
        state: string;
        numberRecordsProcessed: number;
      };
      if (info.state === 'JobComplete') break;
      if (info.state === 'Failed') throw new Error('bench ingest failed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ingestSeconds = (performance.now() - ingestStart) / 1000;

    const restStart = performance.now();
    for (let i = 0; i < BASELINE_ROWS; i += 200) {
      const rows = Array.from({ length: Math.min(200, BASELINE_ROWS - i) }, (_, k) => ({
        Name: `Rest ${i + k} Oy`,
        MRR__c: 100,
        External_Id__c: `Rest-${i + k}`
      }));
      await conn.sobject('Account').create(rows, { allOrNone: true });
    }
    const restRowsPerSecond = BASELINE_ROWS / ((performance.now() - restStart) / 1000);

    const exportStart = performance.now();
    let exported = 0;
    for await (const page of bulkQuery(
      conn,
      "SELECT Id, Name, MRR__c, External_Id__c FROM Account WHERE Name LIKE 'Bench %'",
      { maxRecords: 100_000 }
    ))
      exported += page.length;
    const exportSeconds = (performance.now() - exportStart) / 1000;

    const latencies: number[] = [];
    for (let q = 0; q < SELECTIVE_QUERIES; q++) {
      const id = `Bench-${Math.floor((q * 7919) % ROWS)}`;
      const start = performance.now();
      await conn.query(`SELECT Id, Name, MRR__c FROM Account WHERE External_Id__c = '${id}'`);
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    peak.sample();
    const org = await t.stats();
    const ingestRate = ROWS / ingestSeconds;
    return [
      {
        name: `Bulk 2.0 ingest, ${ROWS.toLocaleString('en-US')} Accounts`,
        value: Math.round(ingestRate),
        unit: 'rows/s',
        baseline: Math.round(restRowsPerSecond),
        ratio: ingestRate / restRowsPerSecond,
        note: `baseline: REST collections, ${BASELINE_ROWS.toLocaleString('en-US')} rows; goal ≥ 100 000`
      },
      {
        name: `Bulk 2.0 query export, ${exported.toLocaleString('en-US')} rows`,
        value: Math.round(exported / exportSeconds),
        unit: 'rows/s',
        note: 'goal ≥ 300 000'
      },
      { name: 'REST selective query p50', value: percentile(latencies, 50), unit: 'ms' },
      {
        name: 'REST selective query p95',
        value: percentile(latencies, 95),
        unit: 'ms',
        note: 'by External_Id__c, goal ≤ 5 ms'
      },
      {
        name: 'peak RSS of the local org',
        value: Math.round(org.peakRss / MB),
        unit: 'MB',
        note: 'its own process, after start; goal ≤ 300 MB'
      },
      {
        name: 'peak RSS of the client',
        value: Math.round(peak.rss / MB),
        unit: 'MB',
        note: 'the bench process: CSV upload, jsforce, bulkQuery'
      },
      { name: 'API requests counted by /limits', value: org.apiRequests, unit: 'requests' }
    ];
  } finally {
    clearInterval(sampler);
    await t.close();
  }
}
