import type { Router } from '../router';
import { deleteJobFiles, ingestRoutes } from './ingest';
import { JOB_RETENTION_DAYS, JobStore } from './jobs';
import { queryRoutes } from './query';
import type { OrgCore } from '../orgCore';

const stores = new WeakMap<OrgCore, JobStore>();
const jobsOf = (org: OrgCore) => {
  let store = stores.get(org);
  if (!store) stores.set(org, (store = new JobStore(org)));
  return store;
};

/** Bulk API 2.0: query jobs with locator paging, ingest jobs from CSV uploads. */
export function registerBulkRoutes(router: Router): void {
  router.add('POST', '/jobs/query', (ctx) => queryRoutes(jobsOf(ctx.org)).create(ctx));
  router.add('GET', '/jobs/query/:id', (ctx) => queryRoutes(jobsOf(ctx.org)).info(ctx));
  router.add('GET', '/jobs/query/:id/results', (ctx) => queryRoutes(jobsOf(ctx.org)).results(ctx));
  router.add('DELETE', '/jobs/query/:id', (ctx) => queryRoutes(jobsOf(ctx.org)).delete(ctx));
  router.add('POST', '/jobs/ingest', (ctx) => ingestRoutes(jobsOf(ctx.org)).create(ctx));
  router.add('GET', '/jobs/ingest/:id', (ctx) => ingestRoutes(jobsOf(ctx.org)).info(ctx));
  router.add('PUT', '/jobs/ingest/:id/batches', (ctx) => ingestRoutes(jobsOf(ctx.org)).upload(ctx));
  router.add('PATCH', '/jobs/ingest/:id', (ctx) => ingestRoutes(jobsOf(ctx.org)).changeState(ctx));
  router.add('DELETE', '/jobs/ingest/:id', (ctx) => ingestRoutes(jobsOf(ctx.org)).delete(ctx));
  router.add('GET', '/jobs/ingest/:id/successfulResults', (ctx) =>
    ingestRoutes(jobsOf(ctx.org)).results('success')(ctx)
  );
  router.add('GET', '/jobs/ingest/:id/failedResults', (ctx) =>
    ingestRoutes(jobsOf(ctx.org)).results('failed')(ctx)
  );
  router.add('GET', '/jobs/ingest/:id/unprocessedrecords', (ctx) =>
    ingestRoutes(jobsOf(ctx.org)).results('unprocessed')(ctx)
  );
}

/**
 * Marks jobs interrupted by a crash as Failed, and deletes jobs finished more than
 * JOB_RETENTION_DAYS ago with their files, as Salesforce does; call once when the org starts.
 */
export function recoverBulkJobs(org: OrgCore, now = new Date()): void {
  const jobs = jobsOf(org);
  const before = new Date(now.getTime() - JOB_RETENTION_DAYS * 86_400_000).toISOString();
  for (const id of jobs.finishedBefore(before)) {
    jobs.delete(id);
    deleteJobFiles(org, id);
  }
}
