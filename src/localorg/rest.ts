import { invalidField, OrgError } from './errors';
import type { ApiContext, Router } from './router';
import { describeGlobal, describeObject } from './describe';
import { registerQueryRoutes } from './queryRoutes';

type Body = Record<string, unknown>;
const json = (status: number, body?: unknown) => ({ status, body });
const saveResult = (id: string) => ({ id, success: true, errors: [] });

/** One record's failure inside a collection, in the collections response shape. */
function failure(error: unknown) {
  if (error instanceof OrgError)
    return {
      success: false,
      errors: [{ statusCode: error.errorCode, message: error.message, fields: error.fields }]
    };
  throw error;
}

/**
 * sObject collections: each record is tried in a savepoint; with allOrNone any failure rolls
 * the whole request back and every other record reports ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
function collection<T>(
  ctx: ApiContext,
  items: T[],
  allOrNone: boolean,
  apply: (item: T) => string | { id: string; created: boolean } | undefined
) {
  if (items.length > 200)
    throw new OrgError(
      400,
      'EXCEEDED_ID_LIMIT',
      'record limit reached. cannot submit more than 200 records into this call'
    );
  const db = ctx.org.db;
  const results: Record<string, unknown>[] = [];
  let failed = false;
  const run = () => {
    for (const item of items) {
      db.exec('SAVEPOINT item');
      try {
        const outcome = apply(item);
        db.exec('RELEASE item');
        // An upsert's result says whether it created the record; other writes' do not.
        results.push(
          typeof outcome === 'object'
            ? { id: outcome.id, success: true, errors: [], created: outcome.created }
            : { id: outcome, success: true, errors: [] }
        );
      } catch (error) {
        db.exec('ROLLBACK TO item');
        db.exec('RELEASE item');
        failed = true;
        results.push({ id: (item as Body)?.id ?? null, ...failure(error) });
      }
    }
    if (allOrNone && failed) throw new RollBack();
  };
  try {
    ctx.org.transaction(run);
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    return results.map((r) =>
      r.success
        ? {
            id: null,
            success: false,
            errors: [
              {
                statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                message:
                  'Record rolled back because not all records were valid and the request was using AllOrNone header',
                fields: []
              }
            ]
          }
        : r
    );
  }
  return results;
}

class RollBack extends Error {}

export function registerRestRoutes(router: Router): void {
  router.add('GET', '/sobjects', (ctx) => json(200, describeGlobal(ctx.org, ctx.user.access)));
  router.add('GET', '/sobjects/:type/describe', (ctx) =>
    json(200, describeObject(ctx.org, ctx.params.type, ctx.user.access))
  );
  router.add('GET', '/sobjects/:type', (ctx) =>
    json(200, {
      objectDescribe:
        describeGlobal(ctx.org, ctx.user.access).sobjects.find(
          (o) => o.name.toLowerCase() === ctx.params.type.toLowerCase()
        ) ?? describeObject(ctx.org, ctx.params.type, ctx.user.access),
      recentItems: []
    })
  );
  router.add('POST', '/sobjects/:type', async (ctx) =>
    json(201, saveResult(ctx.org.create(ctx.params.type, (await ctx.body()) as Body, ctx.user)))
  );
  router.add('GET', '/sobjects/:type/:id', (ctx) =>
    json(
      200,
      ctx.org.retrieve(
        ctx.params.type,
        ctx.params.id,
        ctx.query.get('fields')?.split(',').filter(Boolean)
      )
    )
  );
  router.add('PATCH', '/sobjects/:type/:id', async (ctx) => {
    ctx.org.update(ctx.params.type, ctx.params.id, (await ctx.body()) as Body, ctx.user);
    return { status: 204 };
  });
  router.add('DELETE', '/sobjects/:type/:id', (ctx) => {
    ctx.org.delete(ctx.params.type, ctx.params.id, ctx.user);
    return { status: 204 };
  });
  router.add('PATCH', '/sobjects/:type/:field/:value', async (ctx) => {
    const result = ctx.org.upsert(
      ctx.params.type,
      ctx.params.field,
      ctx.params.value,
      (await ctx.body()) as Body,
      ctx.user
    );
    return json(result.created ? 201 : 200, {
      id: result.id,
      success: true,
      errors: [],
      created: result.created
    });
  });
  registerQueryRoutes(router);
  router.add('POST', '/composite/sobjects', async (ctx) => {
    const body = (await ctx.body()) as { allOrNone?: boolean; records?: Body[] };
    const records = body.records ?? [];
    return json(
      200,
      collection(ctx, records, !!body.allOrNone, (r) =>
        ctx.org.records.create(String((r.attributes as Body)?.type), r, ctx.user)
      )
    );
  });
  router.add('PATCH', '/composite/sobjects', async (ctx) => {
    const body = (await ctx.body()) as { allOrNone?: boolean; records?: Body[] };
    return json(
      200,
      collection(ctx, body.records ?? [], !!body.allOrNone, (r) => {
        const id = String(r.id ?? r.Id ?? '');
        ctx.org.records.update(String((r.attributes as Body)?.type), id, r, ctx.user);
        return ctx.org.retrieve(String((r.attributes as Body)?.type), id, ['Id']).Id as string;
      })
    );
  });
  router.add('PATCH', '/composite/sobjects/:type/:field', async (ctx) => {
    const body = (await ctx.body()) as { allOrNone?: boolean; records?: Body[] };
    const results = collection(ctx, body.records ?? [], !!body.allOrNone, (r) => {
      const value = Object.entries(r).find(
        ([k]) => k.toLowerCase() === ctx.params.field.toLowerCase()
      )?.[1];
      return ctx.org.records.upsert(
        ctx.params.type,
        ctx.params.field,
        String(value ?? ''),
        r,
        ctx.user
      );
    });
    return json(200, results);
  });
  router.add('DELETE', '/composite/sobjects', (ctx) => {
    const ids = (ctx.query.get('ids') ?? '').split(',').filter(Boolean);
    return json(
      200,
      collection(ctx, ids, ctx.query.get('allOrNone') === 'true', (id) => {
        const object = ctx.org.schema.byPrefix(id);
        if (!object) throw new OrgError(400, 'MALFORMED_ID', `Malformed id: ${id}`);
        ctx.org.records.delete(object.name, id, ctx.user);
        return id;
      })
    );
  });
  router.add('GET', '/composite/sobjects/:type', (ctx) =>
    retrieveMany(
      ctx,
      (ctx.query.get('ids') ?? '').split(',').filter(Boolean),
      (ctx.query.get('fields') ?? 'Id').split(',')
    )
  );
  // jsforce's retrieve([ids]) posts them: a GET's URL would be too long for 2000 ids.
  router.add('POST', '/composite/sobjects/:type', async (ctx) => {
    const body = (await ctx.body()) as { ids?: unknown; fields?: unknown };
    if (!Array.isArray(body.ids) || !Array.isArray(body.fields))
      throw new OrgError(400, 'JSON_PARSER_ERROR', 'The body needs ids and fields arrays');
    return retrieveMany(ctx, body.ids.map(String), body.fields.map(String));
  });
}

/** Records by id in the order asked, null for an id that is missing or deleted. */
function retrieveMany(ctx: ApiContext, ids: string[], fields: string[]) {
  if (ids.length > 2000)
    throw new OrgError(400, 'EXCEEDED_ID_LIMIT', 'Cannot retrieve more than 2000 records');
  // A field the object lacks fails the whole request, before any record is read.
  const object = ctx.org.records.object(ctx.params.type);
  for (const field of fields)
    if (!ctx.org.schema.field(object, field)) throw invalidField(object.name, field);
  return json(
    200,
    ids.map((id) => {
      try {
        return ctx.org.retrieve(object.name, id, fields);
      } catch (error) {
        if (error instanceof OrgError) return null;
        throw error;
      }
    })
  );
}
