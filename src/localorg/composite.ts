import { createTree } from './compositeTree';
import { OrgError } from './errors';
import { checkVersion } from './orgResources';
import type { ApiContext, ApiResult, Router } from './router';

/** Subrequests per `/composite` or `/composite/batch` request, as Salesforce allows. */
export const MAX_SUBREQUESTS = 25;

/**
 * What a subrequest may call: the record, query and collection resources. Each of them reads
 * only its given body, so a whole `/composite` runs without waiting on I/O, inside one
 * SQLite transaction when it is all or none.
 */
const SUBREQUEST =
  /^\/services\/data\/v(\d+\.\d+)(\/(?:sobjects|query|queryAll|composite\/sobjects)(?:\/.*)?)$/i;

interface SubResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const errorBody = (errorCode: string, message: string) => [{ errorCode, message }];

/** Runs one subrequest through the org's own routes, as the caller. */
async function runSubrequest(
  router: Router,
  ctx: ApiContext,
  method: string,
  url: string,
  body: unknown
): Promise<SubResult> {
  try {
    const parsed = new URL(url, 'http://localhost');
    const match = SUBREQUEST.exec(parsed.pathname);
    if (!match)
      throw new OrgError(
        400,
        'INVALID_INPUT',
        `Subrequests may call sobjects, query, queryAll and composite/sobjects only: ${url}`
      );
    checkVersion(match[1]);
    const route = router.match(method.toUpperCase(), match[2]);
    if (!route) throw new OrgError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const result: ApiResult = await route.handler({
      ...ctx,
      method: method.toUpperCase(),
      path: match[2],
      params: route.params,
      query: parsed.searchParams,
      body: () => Promise.resolve(body ?? {})
    });
    if (result === 'handled') throw new Error(`A subrequest cannot stream: ${url}`);
    const headers: Record<string, string> = { ...result.headers };
    const created = result.body as { id?: string } | undefined;
    if (result.status === 201 && created?.id)
      headers.Location = `${parsed.pathname.replace(/\/$/, '')}/${created.id}`;
    return { status: result.status, body: result.body ?? null, headers };
  } catch (error) {
    if (!(error instanceof OrgError)) throw error;
    return { status: error.status, body: error.toBody(), headers: {} };
  }
}

/** Replaces `@{ref.path}` (`@{NewAccount.id}`, `@{Found.records[0].Id}`) with earlier results. */
function substitute(value: unknown, results: Map<string, unknown>): unknown {
  if (typeof value === 'string')
    return value.replace(/@\{([^}]+)\}/g, (_, expression: string) => {
      const [referenceId, ...path] = expression.split(/\.|\[(\d+)\]/).filter(Boolean);
      let found: unknown = results.get(referenceId);
      for (const key of path) found = (found as Record<string, unknown> | undefined)?.[key];
      if (found === undefined || found === null)
        throw new OrgError(
          400,
          'PROCESSING_HALTED',
          `Invalid reference specified. No value for ${expression} found in ${referenceId}.`
        );
      return String(found);
    });
  if (Array.isArray(value)) return value.map((v) => substitute(v, results));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]));
  return value;
}

interface CompositeSubrequest {
  method?: string;
  url?: string;
  referenceId?: string;
  body?: unknown;
}

const HALTED =
  'The transaction was rolled back since another operation in the same transaction failed.';

/**
 * `POST /composite`: subrequests in order, each able to use earlier results by referenceId.
 * With allOrNone a failure rolls every one back; without it the others stand.
 * collateSubrequests only changes how an org schedules them, so it changes nothing here.
 */
async function runComposite(router: Router, ctx: ApiContext) {
  const body = (await ctx.body()) as {
    allOrNone?: boolean;
    compositeRequest?: CompositeSubrequest[];
  };
  const subrequests = body.compositeRequest;
  if (!Array.isArray(subrequests) || subrequests.length === 0)
    throw new OrgError(400, 'JSON_PARSER_ERROR', 'compositeRequest must be a non-empty array');
  if (subrequests.length > MAX_SUBREQUESTS)
    throw new OrgError(
      400,
      'LIMIT_EXCEEDED',
      `Exceeded max limit of ${MAX_SUBREQUESTS} subrequests in a composite request`
    );
  const references = new Set<string>();
  for (const sub of subrequests) {
    if (!sub.referenceId || !sub.url || !sub.method)
      throw new OrgError(
        400,
        'JSON_PARSER_ERROR',
        'Each subrequest needs method, url and referenceId'
      );
    if (references.has(sub.referenceId))
      throw new OrgError(400, 'INVALID_INPUT', `Duplicate referenceId: ${sub.referenceId}`);
    references.add(sub.referenceId);
  }
  const allOrNone = body.allOrNone === true;
  const db = ctx.org.db;
  const results = new Map<string, unknown>();
  const responses: (SubResult & { referenceId: string })[] = [];
  if (allOrNone) db.exec('BEGIN');
  try {
    for (const sub of subrequests) {
      let result: SubResult;
      try {
        result = await runSubrequest(
          router,
          ctx,
          sub.method!,
          String(substitute(sub.url, results)),
          substitute(sub.body, results)
        );
      } catch (error) {
        if (!(error instanceof OrgError)) throw error;
        result = { status: error.status, body: error.toBody(), headers: {} };
      }
      responses.push({ ...result, referenceId: sub.referenceId! });
      if (result.status < 300) results.set(sub.referenceId!, result.body);
    }
    const failed = responses.some((r) => r.status >= 400);
    if (allOrNone && failed) {
      db.exec('ROLLBACK');
      ctx.org.store.resetSequenceCache();
      for (const response of responses)
        if (response.status < 400)
          Object.assign(response, {
            status: 400,
            body: errorBody('PROCESSING_HALTED', HALTED),
            headers: {}
          });
    } else if (allOrNone) {
      ctx.org.store.flushSequences();
      db.exec('COMMIT');
    }
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    ctx.org.store.resetSequenceCache();
    throw error;
  }
  return {
    status: 200,
    body: {
      compositeResponse: responses.map((r) => ({
        body: r.body,
        httpHeaders: r.headers,
        httpStatusCode: r.status,
        referenceId: r.referenceId
      }))
    }
  };
}

/** `POST /composite/batch`: independent subrequests, each committed on its own. */
async function runBatch(router: Router, ctx: ApiContext) {
  const body = (await ctx.body()) as {
    haltOnError?: boolean;
    batchRequests?: { method?: string; url?: string; richInput?: unknown }[];
  };
  const requests = body.batchRequests;
  if (!Array.isArray(requests) || requests.length === 0)
    throw new OrgError(400, 'JSON_PARSER_ERROR', 'batchRequests must be a non-empty array');
  if (requests.length > MAX_SUBREQUESTS)
    throw new OrgError(
      400,
      'LIMIT_EXCEEDED',
      `Exceeded max limit of ${MAX_SUBREQUESTS} subrequests in a batch request`
    );
  const results: { statusCode: number; result: unknown }[] = [];
  let halted = false;
  for (const request of requests) {
    if (halted) {
      results.push({
        statusCode: 412,
        result: errorBody('BATCH_PROCESSING_HALTED', 'Batch processing halted per request')
      });
      continue;
    }
    // Batch URLs may leave out /services/data: `v62.0/sobjects/Account`.
    const url = String(request.url ?? '').replace(/^\/?(v\d+\.\d+\/)/, '/services/data/$1');
    const result = await runSubrequest(
      router,
      ctx,
      String(request.method ?? 'GET'),
      url,
      request.richInput
    );
    results.push({ statusCode: result.status, result: result.body });
    if (result.status >= 400 && body.haltOnError === true) halted = true;
  }
  return { status: 200, body: { hasErrors: results.some((r) => r.statusCode >= 400), results } };
}

export function registerCompositeRoutes(router: Router): void {
  router.add('POST', '/composite/tree/:type', async (ctx) =>
    createTree(ctx, ctx.params.type, await ctx.body())
  );
  router.add('POST', '/composite', (ctx) => runComposite(router, ctx));
  router.add('POST', '/composite/batch', (ctx) => runBatch(router, ctx));
}
