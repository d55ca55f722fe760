import { healthBenchFill } from './benchSignals';
import { seededBenchOrg } from './benchOrg';
import { startTestOrg, type TestOrg } from '../testkit/testOrg';
import type { OrgBook, OrgReply, OrgRequest } from './orgProcess';

/**
 * The local org of a benchmark, in its own node process (forked by orgProcess.ts): the
 * service under test talks to it over HTTP as it would to a real org, the two use both cores,
 * and each side's memory is measured apart (in production the org's memory is Salesforce's).
 */
let testOrg: TestOrg | undefined;
let peakRss = 0;
const sampleRss = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
};
setInterval(sampleRss, 25).unref();

function startBook(book: OrgBook): Promise<TestOrg> {
  switch (book.kind) {
    case 'empty':
      return startTestOrg({ twins: false });
    case 'health':
      return seededBenchOrg(book.accounts, book.asOf, true, healthBenchFill(book.asOf));
    case 'accounts':
      return seededBenchOrg(book.accounts, book.asOf, book.withTiers);
  }
}

async function answer(request: OrgRequest): Promise<OrgReply> {
  switch (request.type) {
    case 'start': {
      testOrg = await startBook(request.book);
      // Part of the seed, not of what is measured next: the seed's WAL is moved into the
      // database and the file synced (SQLite syncs it at a checkpoint), so the disk does not
      // write back gigabytes of the seed while the bench runs (a synced copy of a seeded
      // million-account org ran the same recompute in 83.7 s where the bench took 96.8 s).
      testOrg.org.core.db.pragma('wal_checkpoint(TRUNCATE)');
      const tokens = Object.fromEntries(
        testOrg.org.users.map((user) => [user.persona, user.token])
      );
      return { type: 'started', instanceUrl: testOrg.org.instanceUrl, tokens };
    }
    case 'stats':
      sampleRss();
      return { type: 'stats', apiRequests: testOrg?.org.apiRequestCount() ?? 0, peakRss };
    case 'resetPeak':
      (globalThis as { gc?: () => void }).gc?.();
      peakRss = 0;
      sampleRss();
      return { type: 'stats', apiRequests: testOrg?.org.apiRequestCount() ?? 0, peakRss };
    case 'close':
      await closeOrg();
      return { type: 'closed' };
  }
}

async function closeOrg(): Promise<void> {
  const open = testOrg;
  testOrg = undefined;
  await open?.close();
}

// A bench that dies leaves no org process or data folder behind: the channel closes with it.
process.on('disconnect', () => void closeOrg().finally(() => process.exit(0)));

process.on('message', (request: OrgRequest) => {
  answer(request).then(
    (reply) => {
      process.send!(reply);
      if (reply.type === 'closed') process.disconnect();
    },
    (error: unknown) =>
      process.send!({
        type: 'error',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error)
      })
  );
});
