import { OrgError } from '../errors';
import type { OrgCore } from '../orgCore';
import type { ApiContext, Router } from '../router';
import { parentRelationshipName } from '../schema/schema';
import type { ObjectDef } from '../schema/types';

type Row = Record<string, unknown>;
interface FieldValue {
  value: unknown;
  displayValue: string | null;
}
interface RecordRepresentation {
  apiName: string;
  id: string;
  fields: Record<
    string,
    FieldValue | { value: RecordRepresentation | null; displayValue: string | null }
  >;
}

function objectOf(org: OrgCore, id: string): ObjectDef {
  const object = /^[a-zA-Z0-9]{15,18}$/.test(id) ? org.schema.byPrefix(id) : undefined;
  if (!object) throw new OrgError(404, 'NOT_FOUND', `The requested resource does not exist: ${id}`);
  return object;
}

/** Field paths without the leading object name, plus the lookups' names for display values. */
function selectPaths(
  org: OrgCore,
  object: ObjectDef,
  list: string | null,
  optional: boolean
): string[] {
  const paths: string[] = [];
  for (const raw of (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [objectName, ...rest] = raw.split('.');
    if (objectName.toLowerCase() !== object.name.toLowerCase() || !rest.length) continue;
    const path = rest.join('.');
    try {
      org.compile(`SELECT ${path} FROM ${object.name} LIMIT 1`);
    } catch (error) {
      if (optional) continue;
      throw error;
    }
    paths.push(path);
    const field = rest.length === 1 ? org.schema.field(object, rest[0]) : undefined;
    const relationship =
      field?.type === 'reference' && field.referenceTo?.length === 1
        ? parentRelationshipName(field)
        : undefined;
    if (relationship && org.schema.get(field!.referenceTo![0])?.fields.has('name'))
      paths.push(`${relationship}.Name`);
  }
  return [...new Set(paths)];
}

function toRepresentation(object: ObjectDef, row: Row): RecordRepresentation {
  const fields: RecordRepresentation['fields'] = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'attributes') continue;
    if (value && typeof value === 'object') {
      const nested = value as Row;
      const type = String((nested.attributes as Row).type);
      const url = String((nested.attributes as Row).url);
      const nestedRecord = toRepresentation({ name: type } as ObjectDef, {
        ...nested,
        Id: url.split('/').pop()
      });
      fields[key] = { value: nestedRecord, displayValue: (nested.Name as string) ?? null };
      continue;
    }
    const field = object.fields?.get(key.toLowerCase());
    const label = field?.picklistValues?.find((v) => v.value === value)?.label ?? null;
    fields[key] = { value: value ?? null, displayValue: label };
  }
  for (const [key, entry] of Object.entries(fields)) {
    // A lookup's display value is the parent's name, as LDS gives it.
    const relationship = key.endsWith('__c')
      ? `${key.slice(0, -3)}__r`
      : key.endsWith('Id')
        ? key.slice(0, -2)
        : undefined;
    const parent = relationship ? fields[relationship] : undefined;
    if (parent && parent.value && typeof parent.value === 'object')
      (entry as FieldValue).displayValue = parent.displayValue;
  }
  return { apiName: object.name, id: String(row.Id ?? ''), fields };
}

export function readRecord(
  org: OrgCore,
  id: string,
  fields: string | null,
  optionalFields: string | null
): RecordRepresentation {
  const object = objectOf(org, id);
  const paths = [
    'Id',
    ...selectPaths(org, object, fields, false),
    ...selectPaths(org, object, optionalFields, true)
  ];
  const unique = [...new Set(paths)];
  const row = org.query(`SELECT ${unique.join(', ')} FROM ${object.name} WHERE Id = '${id}'`)
    .records[0];
  if (!row) throw new OrgError(404, 'NOT_FOUND', `The requested resource does not exist: ${id}`);
  return toRepresentation(object, row);
}

const withObject = (object: ObjectDef, names: string[]) =>
  names.map((n) => `${object.name}.${n}`).join(',');

export function registerUiApiRoutes(router: Router): void {
  router.add('GET', '/ui-api/records/:id', (ctx: ApiContext) => ({
    status: 200,
    body: readRecord(
      ctx.org,
      ctx.params.id,
      ctx.query.get('fields'),
      ctx.query.get('optionalFields')
    )
  }));
  router.add('PATCH', '/ui-api/records/:id', async (ctx) => {
    const object = objectOf(ctx.org, ctx.params.id);
    const fields = ((await ctx.body()) as { fields?: Row }).fields ?? {};
    ctx.org.update(object.name, ctx.params.id, fields, ctx.user);
    return {
      status: 200,
      body: readRecord(ctx.org, ctx.params.id, withObject(object, Object.keys(fields)), null)
    };
  });
  router.add('POST', '/ui-api/records', async (ctx) => {
    const input = (await ctx.body()) as { apiName?: string; fields?: Row };
    const object = ctx.org.records.object(String(input.apiName ?? ''));
    const id = ctx.org.create(object.name, input.fields ?? {}, ctx.user);
    return {
      status: 201,
      body: readRecord(ctx.org, id, withObject(object, Object.keys(input.fields ?? {})), null)
    };
  });
  router.add('DELETE', '/ui-api/records/:id', (ctx) => {
    ctx.org.delete(objectOf(ctx.org, ctx.params.id).name, ctx.params.id, ctx.user);
    return { status: 204 };
  });
}
