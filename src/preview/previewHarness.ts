import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'jsforce';
import { startHandoverPreview } from '../services/handover/previewHarness';
import { registerHealthTwins } from '../services/health/twins';
import { registerTierCadenceTwins } from '../services/tiers/twins';
import { cookies } from './server';

type Twin = (ctx: { conn: Connection; userId: string }, params: unknown) => Promise<unknown>;
type MemoryOrg = Awaited<ReturnType<typeof startHandoverPreview>>['org'];

const DAY = 86_400_000;

/** A scored history for the harness account, shaped as the recompute writes it. */
function seedHealth(org: MemoryOrg, accountId: string, now = Date.now()): void {
  const scores = [58, 61, 60, 64, 66, 65, 68, 71, 70, 73, 74, 76];
  const measures = [
    ['nps', 'NPS', 'experience', 31, 62, 0.15],
    ['licenseUtilisation', 'Licence utilisation', 'outcome', 0.55, 55, 0.15],
    ['activityTrend', 'Activity trend', 'outcome', 1.1, 100, 0.1],
    ['support', 'Support', 'experience', 1, 60, 0.1],
    ['cadence', 'Cadence', 'outcome', 40, 100, 0.1]
  ] as const;
  const total = measures.reduce((sum, m) => sum + m[5], 0);
  const breakdown = JSON.stringify({
    version: 1,
    asOf: new Date(now).toISOString().slice(0, 10),
    score: 76,
    status: 'Green',
    override: null,
    coverage: 0.62,
    trend: 8,
    quadrant: 'healthy',
    measuresUsed: measures.length,
    measuresApplicable: 8,
    measures: measures.map(([key, label, group, value, score, weight]) => ({
      key,
      name: key,
      label,
      group,
      value,
      score,
      weight,
      pointsLost: Math.round((weight / total) * (100 - score) * 100) / 100
    })),
    drivers: ['Licence utilisation is 55% of seats', 'NPS is 31', 'One open high-priority case'],
    driversFi: ['Lisenssien käyttöaste on 55 %', 'NPS on 31', 'Yksi avoin kiireellinen tiketti']
  });
  scores.forEach((score, index) => {
    const computedAt = new Date(now - (scores.length - 1 - index) * 7 * DAY).toISOString();
    org.insert('Health_Snapshot__c', {
      Account__c: accountId,
      Score__c: score,
      Status__c: score >= 70 ? 'Green' : 'Yellow',
      Computed_At__c: computedAt,
      Breakdown__c: index === scores.length - 1 ? breakdown : null
    });
  });
  org.insert('Survey_Response__c', {
    Account__c: accountId,
    Type__c: 'NPS',
    Score__c: 9,
    Responded_On__c: new Date(now - 20 * DAY).toISOString().slice(0, 10)
  });
  Object.assign(org.table('Account').get(accountId) ?? {}, {
    Health_Score__c: 76,
    Health_Status__c: 'Green',
    Health_Trend__c: 8,
    Health_Coverage__c: 0.62,
    Health_Scored_At__c: new Date(now).toISOString(),
    Customer_Stage__c: 'Onboarding',
    Suggested_Touch_Tier__c: 'Low'
  });
}

/** The in-memory connection lacks describe; the panels ask it whether overrides are editable. */
function withDescribe(conn: Connection): Connection {
  const sobject = (name: string) => ({
    ...(conn.sobject(name) as object),
    describe: async () => ({
      fields: ['Health_Override__c', 'Touch_Tier__c'].map((field) => ({
        name: field,
        updateable: true
      }))
    })
  });
  return { ...(conn as object), sobject } as unknown as Connection;
}

async function forward(target: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const answer = await fetch(target + (req.url ?? '/'), {
    method: req.method,
    redirect: 'manual',
    headers: Object.fromEntries(
      ['cookie', 'content-type'].flatMap((h) =>
        req.headers[h] ? [[h, String(req.headers[h])]] : []
      )
    ),
    body: chunks.length ? Buffer.concat(chunks) : undefined
  });
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'location', 'cache-control', 'set-cookie']) {
    const value = answer.headers.get(name);
    if (value) headers[name] = value;
  }
  res.writeHead(answer.status, headers);
  res.end(Buffer.from(await answer.arrayBuffer()));
}

/**
 * The whole Account page on an in-memory org, for browser tests and screenshots until the
 * local org exists: the handover helper's harness (handover twins, REST, UI API, Chatter)
 * plus the health and tier twins over the same data, with a scored health history.
 */
export async function startPreviewHarness() {
  const inner = await startHandoverPreview();
  seedHealth(inner.org, inner.accountId);
  const twins = new Map<string, Twin>();
  const host = {
    registerApexTwin: (c: string, m: string, twin: Twin) => twins.set(`${c}.${m}`, twin)
  };
  registerHealthTwins(host);
  registerTierCadenceTwins(host);
  const personas = [inner.seller, inner.manager];
  const server = createServer((req, res) => {
    void (async () => {
      const apex = /^\/services\/apexrest-local\/(\w+)\/(\w+)$/.exec(req.url ?? '');
      const twin = apex ? twins.get(`${apex[1]}.${apex[2]}`) : undefined;
      const userId = personas.find((p) => p.token === cookies(req).sid)?.userId;
      if (!twin || !userId) return forward(inner.url, req, res);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      try {
        const result = await twin({ conn: withDescribe(inner.org.connAs(userId)), userId }, params);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify([{ errorCode: 'APEX_ERROR', message }]));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...inner,
    url,
    loginUrl: (persona?: string) => inner.loginUrl(persona).replace(inner.url, url),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await inner.stop();
    }
  };
}
