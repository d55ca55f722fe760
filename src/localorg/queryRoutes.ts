import { OrgError } from './errors';
import { PAGE_SIZE } from './orgCore';
import type { ApiContext, Router } from './router';
import { badSearch, parseSosl, runSearch, type SearchRequest } from './search/sosl';
import { SEARCH_GROUPS, type SearchGroup } from './search/searchIndex';
import { queryColumns } from './soql/columnMetadata';

const json = (status: number, body?: unknown) => ({ status, body });

function textParam(ctx: ApiContext, name: string, what: string): string {
  const value = ctx.query.get(name);
  if (!value) throw new OrgError(400, 'MALFORMED_QUERY', `A ${what} (${name}) is required`);
  return value;
}

/** SOQL (`/query`, `/queryAll` and their next pages) and SOSL (`/search`, `/parameterizedSearch`). */
export function registerQueryRoutes(router: Router): void {
  for (const [path, all] of [
    ['/query', false],
    ['/queryAll', true]
  ] as const) {
    router.add('GET', path, (ctx) => {
      const soql = textParam(ctx, 'q', 'query string');
      // columns=true describes the columns without running the query (`sf data query` reads it).
      return ctx.query.get('columns') === 'true'
        ? json(200, queryColumns(ctx.org.compile(soql, { all })))
        : json(200, ctx.org.query(soql, { all, owner: ctx.user.id }));
    });
  }
  for (const path of ['/query/:cursor', '/queryAll/:cursor']) {
    router.add('GET', path, (ctx) => {
      const page = ctx.org.queryMore(ctx.params.cursor, ctx.user.id, PAGE_SIZE);
      if (!page) throw new OrgError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return json(200, page);
    });
  }
  router.add('GET', '/search', (ctx) =>
    json(200, runSearch(ctx.org, parseSosl(textParam(ctx, 'q', 'search string'))))
  );
  router.add('GET', '/parameterizedSearch', (ctx) =>
    json(200, runSearch(ctx.org, parameterizedFromQuery(ctx.query)))
  );
  router.add('POST', '/parameterizedSearch', async (ctx) =>
    json(200, runSearch(ctx.org, parameterizedFromBody((await ctx.body()) as ParameterizedBody)))
  );
}

function scopeOf(value: string | null | undefined): SearchRequest['scope'] {
  const scope = (value ?? 'ALL').replace(/\s*FIELDS$/i, '').toLowerCase();
  if (scope === 'all' || (SEARCH_GROUPS as readonly string[]).includes(scope))
    return scope as SearchGroup | 'all';
  throw badSearch(`in must be ALL, NAME, EMAIL or PHONE, not ${value}`);
}

const clauses = (limit: unknown) => (limit ? ` LIMIT ${Number(limit)}` : '');

/** `?q=term&sobject=Account&Account.fields=Id,Name&Account.limit=5&in=NAME&overallLimit=10` */
function parameterizedFromQuery(query: URLSearchParams): SearchRequest {
  const term = query.get('q');
  if (!term) throw badSearch('A search term (q) is required');
  const defaultFields = query.get('fields') ?? 'Id';
  return {
    term,
    scope: scopeOf(query.get('in')),
    returning: query.getAll('sobject').map((object) => ({
      object,
      fields: query.get(`${object}.fields`) ?? defaultFields,
      clauses: clauses(query.get(`${object}.limit`))
    })),
    limit: query.get('overallLimit') ? Number(query.get('overallLimit')) : undefined
  };
}

interface ParameterizedBody {
  q?: string;
  in?: string;
  fields?: string[];
  overallLimit?: number;
  sobjects?: { name: string; fields?: string[]; limit?: number }[];
}

/** The JSON form: `{ q, in, fields, sobjects: [{ name, fields, limit }], overallLimit }`. */
function parameterizedFromBody(body: ParameterizedBody): SearchRequest {
  if (!body?.q) throw badSearch('A search term (q) is required');
  return {
    term: body.q,
    scope: scopeOf(body.in),
    returning: (body.sobjects ?? []).map((s) => ({
      object: String(s.name),
      fields: (s.fields ?? body.fields ?? ['Id']).join(', '),
      clauses: clauses(s.limit)
    })),
    limit: body.overallLimit
  };
}
