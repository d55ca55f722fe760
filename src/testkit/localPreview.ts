import { startTestOrg } from './testOrg';
import { recomputeHealth } from '../services/health/recompute/recompute';
import { assignTiers } from '../services/tiers/assign';
import { coreSuggest } from '../services/tiers/coreSuggest';
import { planAllTouchpoints } from '../services/touchpoints/plan';
import { PREVIEW_BOOK, writePreviewBook } from './previewBook';
import { attachPreview } from '../preview/start';
import { loadProjectModel } from '../metadata/projectModel';
import { isoDateOf } from '../core/dates';

type SaveResult = { id?: string; success: boolean; errors?: unknown[] };

function ids(results: SaveResult | SaveResult[]): string[] {
  const list = Array.isArray(results) ? results : [results];
  const failed = list.filter((r) => !r.success);
  if (failed.length) throw new Error(`Seeding the local org failed: ${JSON.stringify(failed)}`);
  return list.map((r) => r.id as string);
}

/**
 * A fresh local org (temporary folder, all Apex twins) with the small preview book: its
 * signal records written through the REST API, then tiers, touchpoints and health computed
 * by the same services `npm start` runs. The preview is served on it as `npm start` serves
 * it: for browser tests and screenshots.
 */
export async function startLocalPreview() {
  const test = await startTestOrg();
  try {
    const conn = test.conn;
    const asOf = isoDateOf(new Date());
    const accountIds = await writePreviewBook(conn, asOf);
    ids(
      (await conn.sobject('Contact').create({
        LastName: 'Virtanen',
        FirstName: 'Aino',
        Title: 'CFO',
        AccountId: accountIds[0]
      })) as SaveResult
    );
    // In `npm start`'s order: the plan follows the tier, and health's cadence reads the plan.
    await assignTiers(conn, coreSuggest(loadProjectModel()));
    await planAllTouchpoints(conn, { asOf });
    await recomputeHealth(conn);
    // The demo's flows hop from the seller to the account manager in one browser.
    test.org.signIn.demoPersonas = true;
    const preview = await attachPreview(test.org);
    const [seller, manager] = ['seller', 'accountManager'].map((key) =>
      test.org.personas().find((p) => p.key === key)!
    );
    const accounts = PREVIEW_BOOK.map((book, i) => ({ ...book.fields, Id: accountIds[i], book }));
    return {
      url: test.org.url,
      conn,
      asOf,
      loginUrl: (persona?: string) => preview.loginUrl(persona),
      accountId: accountIds[0],
      accountName: accounts[0].Name,
      accounts,
      seller,
      manager,
      stop: () => test.close()
    };
  } catch (error) {
    await test.close();
    throw error;
  }
}
