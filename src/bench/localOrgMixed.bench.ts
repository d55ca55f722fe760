import { MB, type BenchLine } from './types';
import { startOrgProcess, type OrgProcess } from './orgProcess';
import { csvRows, percentile } from './localOrgBulk.bench';

/**
 * Interactive requests beside Bulk loads: 50 clients mixing selective queries, updates and
 * inserts, first alone for ALONE_SECONDS, then while 4 Bulk API 2.0 ingests run (250 000
 * Accounts each; BENCH_SCALE scales them). Bounded: the second phase ends with the ingests.
 * The org runs in its own process, so its peak RSS is its own.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const CLIENTS = 50;
const INGESTS = 4;
const ROWS_PER_INGEST = Math.round(250_000 * SCALE);
const SEED_ROWS = 20_000;
const ALONE_SECONDS = 10;

interface Phase {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

async function ingest(org: OrgProcess, prefix: string, rows: number): Promise<void> {
  const base = `${org.conn.instanceUrl}/services/data/v62.0/jobs/ingest`;
  const headers = {
    Authorization: `Bearer ${org.conn.accessToken}`,
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
    body: csvRows(rows, prefix) as unknown as BodyInit,
    duplex: 'half'
  } as RequestInit);
  await fetch(`${base}/${job.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ state: 'UploadComplete' })
  });
  for (;;) {
    const info = (await (await fetch(`${base}/${job.id}`, { headers })).json()) as {
      state: string;
    };
    if (info.state === 'JobComplete') return;
    if (info.state === 'Failed' || info.state === 'Aborted')
      throw new Error(`bench ingest ${info.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** CLIENTS loops of query, query, query, update, insert until `more()` is false. */
async function clients(org: OrgProcess, ids: string[], more: () => boolean): Promise<Phase> {
  const api = `${org.conn.instanceUrl}/services/data/v62.0`;
  const headers = {
    Authorization: `Bearer ${org.conn.accessToken}`,
    'Content-Type': 'application/json'
  };
  const phase: Phase = { requests: 0, errors: 0, seconds: 0, latencies: [] };
  const requestNumber = (n: number): [string, RequestInit] => {
    switch (n % 5) {
      case 3:
        return [
          `${api}/sobjects/Account/${ids[n % ids.length]}`,
          { method: 'PATCH', headers, body: JSON.stringify({ MRR__c: n % 9000 }) }
        ];
      case 4:
        return [
          `${api}/sobjects/Account`,
          { method: 'POST', headers, body: JSON.stringify({ Name: `Load client ${n} Oy` }) }
        ];
      default: {
        const soql = `SELECT Id, Name, MRR__c FROM Account WHERE External_Id__c = 'Seed-${(n * 7919) % SEED_ROWS}'`;
        return [`${api}/query?q=${encodeURIComponent(soql)}`, { headers }];
      }
    }
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (more()) {
        const [url, init] = requestNumber(next++);
        const start = performance.now();
        try {
          const response = await fetch(url, init);
          await response.arrayBuffer();
          if (!response.ok) phase.errors++;
        } catch {
          phase.errors++;
        }
        phase.latencies.push(performance.now() - start);
        phase.requests++;
      }
    })
  );
  phase.seconds = (performance.now() - started) / 1000;
  phase.latencies.sort((a, b) => a - b);
  return phase;
}

function phaseLines(label: string, phase: Phase): BenchLine[] {
  return [
    {
      name: `${label}: throughput`,
      value: Math.round(phase.requests / phase.seconds),
      unit: 'req/s',
      note: `${phase.requests.toLocaleString('en-US')} requests in ${phase.seconds.toFixed(1)} s`
    },
    { name: `${label}: p50`, value: percentile(phase.latencies, 50), unit: 'ms' },
    { name: `${label}: p95`, value: percentile(phase.latencies, 95), unit: 'ms' },
    { name: `${label}: p99`, value: percentile(phase.latencies, 99), unit: 'ms' },
    { name: `${label}: errors`, value: phase.errors, unit: 'requests' }
  ];
}

export async function run(): Promise<BenchLine[]> {
  const org = await startOrgProcess({ kind: 'empty' });
  try {
    await ingest(org, 'Seed', SEED_ROWS);
    const ids = (
      await org.conn.query<{ Id: string }>('SELECT Id FROM Account ORDER BY Id LIMIT 1000')
    ).records.map((r) => r.Id);
    await org.resetPeak();
    const aloneUntil = performance.now() + ALONE_SECONDS * 1000;
    const alone = await clients(org, ids, () => performance.now() < aloneUntil);

    let loading = true;
    const bulkStart = performance.now();
    const loads = Promise.all(
      Array.from({ length: INGESTS }, (_, k) => ingest(org, `Load${k}`, ROWS_PER_INGEST))
    ).finally(() => (loading = false));
    const beside = await clients(org, ids, () => loading);
    await loads;
    const bulkSeconds = (performance.now() - bulkStart) / 1000;
    const stats = await org.stats();
    return [
      ...phaseLines(`${CLIENTS} clients alone`, alone),
      ...phaseLines(`${CLIENTS} clients beside ${INGESTS} Bulk ingests`, beside),
      {
        name: `${INGESTS} Bulk ingests of ${ROWS_PER_INGEST.toLocaleString('en-US')} Accounts`,
        value: Math.round((INGESTS * ROWS_PER_INGEST) / bulkSeconds),
        unit: 'rows/s',
        note: `all done in ${bulkSeconds.toFixed(1)} s`
      },
      {
        name: 'peak RSS of the local org',
        value: Math.round(stats.peakRss / MB),
        unit: 'MB',
        note: 'its own process, both phases'
      }
    ];
  } finally {
    await org.close();
  }
}
