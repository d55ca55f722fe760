import { OrgError } from './errors';
import type { ApiContext } from './router';

type Body = Record<string, unknown>;
interface TreeRecord extends Body {
  attributes?: { type?: string; referenceId?: string };
}

/** The sObject Tree limits: records in one request, levels of nesting, object types. */
export const TREE_MAX_RECORDS = 200;
export const TREE_MAX_DEPTH = 5;
export const TREE_MAX_TYPES = 5;

const limitExceeded = (message: string) => new OrgError(400, 'LIMIT_EXCEEDED', message);

/** Children nested under a record: `{ Contacts: { records: [...] } }`. */
function nestedOf(record: TreeRecord): [string, TreeRecord[]][] {
  return Object.entries(record).flatMap(([key, value]) =>
    key !== 'attributes' &&
    value !== null &&
    typeof value === 'object' &&
    Array.isArray((value as Body).records)
      ? [[key, (value as { records: TreeRecord[] }).records]]
      : []
  );
}

/** Counts records and checks depth and reference ids before anything is written. */
function checkShape(records: TreeRecord[]) {
  const seen = new Set<string>();
  const types = new Set<string>();
  let count = 0;
  const walk = (list: TreeRecord[], depth: number) => {
    if (depth > TREE_MAX_DEPTH)
      throw limitExceeded(`Exceeded max depth of ${TREE_MAX_DEPTH} levels in a tree request`);
    for (const record of list) {
      count++;
      const referenceId = record?.attributes?.referenceId;
      if (!referenceId || !record.attributes?.type)
        throw new OrgError(
          400,
          'INVALID_INPUT',
          'Each record needs attributes with a type and a referenceId'
        );
      if (seen.has(referenceId))
        throw new OrgError(
          400,
          'INVALID_INPUT',
          `Duplicate ReferenceId provided in the request: ${referenceId}`
        );
      seen.add(referenceId);
      types.add(record.attributes.type.toLowerCase());
      for (const [, children] of nestedOf(record)) walk(children, depth + 1);
    }
  };
  walk(records, 1);
  if (types.size > TREE_MAX_TYPES)
    throw limitExceeded(`A tree request may hold records of at most ${TREE_MAX_TYPES} types`);
  if (count > TREE_MAX_RECORDS)
    throw limitExceeded(
      `Exceeded max limit of records to be created in a single request: ${TREE_MAX_RECORDS}`
    );
}

/**
 * `POST /composite/tree/{SObject}`: records with their nested children, created in the order
 * listed, all or nothing. Success answers 201 with each referenceId's id; the first record
 * that fails stops the request, writes nothing and is the only one the 400 answer names.
 */
export function createTree(ctx: ApiContext, type: string, body: unknown) {
  const records = (body as { records?: unknown })?.records;
  if (!Array.isArray(records))
    throw new OrgError(400, 'JSON_PARSER_ERROR', 'The request body needs a records array');
  checkShape(records as TreeRecord[]);
  const rootType = ctx.org.records.object(type).name;
  const results: { referenceId: string; id: string }[] = [];
  const insert = (
    list: TreeRecord[],
    objectName: string,
    parent?: { field: string; id: string }
  ) => {
    for (const record of list) {
      const referenceId = record.attributes!.referenceId!;
      const nested = nestedOf(record);
      let id: string;
      try {
        if (record.attributes!.type!.toLowerCase() !== objectName.toLowerCase())
          throw new OrgError(
            400,
            'INVALID_TYPE',
            `The type ${record.attributes!.type} does not match ${objectName}`
          );
        const fields = Object.fromEntries(
          Object.entries(record).filter(([key]) => !nested.some(([name]) => name === key))
        );
        if (parent) fields[parent.field] = parent.id;
        id = ctx.org.records.create(objectName, fields, ctx.user);
      } catch (error) {
        throw error instanceof OrgError ? new TreeFailed(referenceId, error) : error;
      }
      results.push({ referenceId, id });
      for (const [relationship, children] of nested) {
        const child = ctx.org.schema
          .childRelationships(objectName)
          .find((c) => c.relationshipName.toLowerCase() === relationship.toLowerCase());
        if (!child)
          throw new TreeFailed(
            referenceId,
            new OrgError(
              400,
              'INVALID_FIELD',
              `No such relationship '${relationship}' on ${objectName}`,
              [relationship]
            )
          );
        insert(children, child.childSObject, { field: child.field, id });
      }
    }
  };
  try {
    ctx.org.transaction(() => insert(records as TreeRecord[], rootType));
  } catch (error) {
    if (!(error instanceof TreeFailed)) throw error;
    const { referenceId, cause } = error;
    const errors = [{ statusCode: cause.errorCode, message: cause.message, fields: cause.fields }];
    return { status: 400, body: { hasErrors: true, results: [{ referenceId, errors }] } };
  }
  return { status: 201, body: { hasErrors: false, results } };
}

/** The record that stopped a tree, and why; thrown to roll the whole tree back. */
class TreeFailed extends Error {
  constructor(
    readonly referenceId: string,
    readonly cause: OrgError
  ) {
    super(cause.message);
  }
}
