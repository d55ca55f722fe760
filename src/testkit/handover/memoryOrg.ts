import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { Connection } from 'jsforce';
import { projectModelRecords } from '../../metadata/projectModel';
import { API_VERSION } from '../../metadata/apiVersion';

/**
 * An in-memory stand-in for the small part of a jsforce Connection the handover twin uses
 * (SOQL with =, !=, IN and AND; sobject create/update/retrieve/describe; the Chatter Connect
 * endpoints), so the twin's rules run in milliseconds. The same tests also run against the
 * local org over HTTP; this is not a replacement for that.
 */
type Row = Record<string, unknown> & { Id: string };
type Segment = { type: string; text?: string; id?: string; url?: string };

const PREFIX: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Task: '00T',
  User: '005',
  FeedItem: '0D5',
  FeedComment: '0D7'
};

const OBJECTS_DIR = join(__dirname, '../../../force-app/main/default/objects');

/**
 * An object's custom fields and their labels as the package deploys them, in the reader's
 * language (objectTranslations) when the package translates it, as an org's describe gives them.
 * Every field is updateable: the stand-in has no field-level security.
 */
function describedFields(sobject: string, languageLocaleKey: unknown) {
  const dir = join(OBJECTS_DIR, sobject, 'fields');
  if (!existsSync(dir)) return [];
  const label = (path: string) =>
    existsSync(path) ? /<label>([^<]*)<\/label>/.exec(readFileSync(path, 'utf8'))?.[1] : undefined;
  const language = String(languageLocaleKey ?? '').slice(0, 2);
  const translations = join(OBJECTS_DIR, '..', 'objectTranslations', `${sobject}-${language}`);
  return readdirSync(dir).map((file) => {
    const name = file.replace('.field-meta.xml', '');
    const translation = join(translations, `${name}.fieldTranslation-meta.xml`);
    return {
      name,
      label: (language && label(translation)) || (label(join(dir, file)) ?? name),
      picklistValues: picklistValues(join(dir, file), language ? translation : undefined),
      updateable: true
    };
  });
}

/** A picklist field's values, labelled by the translation's picklistValues where it has one. */
function picklistValues(path: string, translationPath: string | undefined) {
  const xml = readFileSync(path, 'utf8');
  const translated = new Map(
    translationPath && existsSync(translationPath)
      ? [
          ...readFileSync(translationPath, 'utf8').matchAll(
            /<masterLabel>([^<]*)<\/masterLabel>\s*<translation>([^<]*)<\/translation>/g
          )
        ].map((match) => [match[1], match[2]])
      : []
  );
  return [
    ...xml.matchAll(/<value>\s*<fullName>([^<]*)<\/fullName>[\s\S]*?<label>([^<]*)<\/label>/g)
  ].map(([, value, label]) => ({ value, label: translated.get(label) ?? label, active: true }));
}

export function memoryOrg(options: { instanceUrl?: string } = {}) {
  const settings = { instanceUrl: options.instanceUrl ?? 'http://memory.invalid' };
  const tables = new Map<string, Map<string, Row>>();
  const segments = new Map<string, Segment[]>();
  let sequence = 0;
  const table = (name: string) => tables.get(name) ?? tables.set(name, new Map()).get(name)!;
  const insert = (sobject: string, record: Record<string, unknown>): Row => {
    sequence++;
    const id = `${PREFIX[sobject] ?? 'a00'}${String(sequence).padStart(12, '0')}AAA`;
    // Handover__c's Name is an auto-number (HO-{00000}) in an org.
    const autoName =
      sobject === 'Handover__c' ? { Name: `HO-${String(sequence).padStart(5, '0')}` } : {};
    const stamp = new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)).toISOString();
    // Task.IsClosed is derived from its status in an org.
    const closed = sobject === 'Task' ? { IsClosed: record.Status === 'Completed' } : {};
    const row = {
      ...autoName,
      ...closed,
      ...record,
      Id: id,
      CreatedDate: stamp,
      LastModifiedDate: stamp
    };
    table(sobject).set(id, row);
    return row;
  };
  // An org with Baton deployed serves its custom metadata records: the project's, as the local
  // org loads them at start (own ids, so the sequence of inserted records is unchanged).
  let metadataSequence = 0;
  for (const [type, rows] of Object.entries(projectModelRecords()))
    for (const row of rows) {
      const id = `m00${String(++metadataSequence).padStart(12, '0')}AAA`;
      table(type).set(id, { ...row, Id: id });
    }
  const lookup = (id: unknown) =>
    [...tables.values()].map((rows) => rows.get(String(id))).find(Boolean);

  type Where = {
    left: { field: string; operator: string; value: string | string[]; literalType?: string };
    right?: Where;
  };
  function matches(row: Row, where?: Where): boolean {
    if (!where) return true;
    const left = where.left;
    const unquote = (value: string) => value.replace(/^'|'$/g, '').replace(/\\'/g, "'");
    const actual = row[left.field] ?? null;
    let ok = true;
    if (left.operator === 'IN') ok = (left.value as string[]).map(unquote).includes(String(actual));
    else if (left.literalType === 'NULL')
      ok = left.operator === '=' ? actual === null : actual !== null;
    else if (left.operator === '=')
      ok =
        String(actual) === unquote(left.value as string) ||
        (left.literalType === 'BOOLEAN' &&
          String(actual).toLowerCase() === String(left.value).toLowerCase());
    else if (left.operator === '!=') ok = String(actual) !== unquote(left.value as string);
    return ok && (where.right ? matches(row, where.right) : true);
  }

  function select(row: Row, fields: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const [first, second] = field.split('.');
      if (!second) out[first] = row[first] ?? null;
      else {
        const parent = lookup(row[first.replace(/__r$/, '__c')]);
        out[first] = parent
          ? { ...(out[first] as object), [second]: parent[second] ?? null }
          : null;
      }
    }
    return out;
  }

  function query(soql: string) {
    const parsed = parseQuery(soql);
    const fields = (parsed.fields ?? []).map(
      (field) => ('rawValue' in field && field.rawValue) || ('field' in field ? field.field : '')
    );
    let rows = [...table(parsed.sObject ?? '').values()].filter((row) =>
      matches(row, parsed.where as unknown as Where)
    );
    if (parsed.orderBy)
      rows = rows.sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)));
    if (parsed.limit) rows = rows.slice(0, parsed.limit);
    const records = rows.map((row) => select(row, fields as string[]));
    return { totalSize: records.length, done: true, records };
  }

  function post(subjectId: string, body: Segment[], userId: string) {
    const text = body
      .map(
        (segment) =>
          segment.text ?? (segment.type === 'Mention' ? `@${segment.id}` : (segment.url ?? ''))
      )
      .join('');
    const row = insert('FeedItem', { ParentId: subjectId, Body: text, CreatedById: userId });
    segments.set(row.Id, body);
    notify(body, userId, subjectId);
    return row;
  }
  const userName = (id: unknown) => String(table('User').get(String(id))?.Name ?? id);
  const shape = (segment: Segment) =>
    segment.type === 'Mention'
      ? {
          ...segment,
          text: `@${userName(segment.id)}`,
          record: { id: segment.id, displayName: userName(segment.id) }
        }
      : segment.type === 'Link'
        ? { ...segment, text: segment.url }
        : segment;
  const commentsOf = (feedItemId: string) =>
    [...table('FeedComment').values()].filter((row) => row.FeedItemId === feedItemId);
  const output = (row: Row): Record<string, unknown> => ({
    id: row.Id,
    parent: { id: row.ParentId },
    actor: { id: row.CreatedById, displayName: userName(row.CreatedById) },
    user: { id: row.CreatedById, displayName: userName(row.CreatedById) },
    createdDate: row.CreatedDate,
    body: { messageSegments: (segments.get(row.Id) ?? []).map(shape) },
    ...(row.ParentId
      ? { capabilities: { comments: { page: { items: commentsOf(row.Id).map(output) } } } }
      : {})
  });
  /** Each mentioned user gets a notification, as the bell shows in Lightning. */
  const notify = (body: Segment[], actorId: string, target: string) => {
    for (const segment of body.filter((one) => one.type === 'Mention')) {
      insert('Notification', {
        UserId: segment.id,
        messageTitle: userName(actorId),
        messageBody: body.map((one) => shape(one).text ?? one.url ?? '').join(''),
        target,
        read: false
      });
    }
  };

  function request(
    userId: string,
    options: { method?: string; url: string; body?: string } | string
  ) {
    const { method = 'GET', url, body } = typeof options === 'string' ? { url: options } : options;
    const payload = body ? JSON.parse(body) : {};
    const comments = /\/feed-elements\/(\w+)\/capabilities\/comments\/items$/.exec(url);
    if (comments && method === 'POST') {
      const row = insert('FeedComment', { FeedItemId: comments[1], CreatedById: userId });
      segments.set(row.Id, payload.body.messageSegments);
      notify(
        payload.body.messageSegments,
        userId,
        String(table('FeedItem').get(comments[1])?.ParentId)
      );
      return { id: row.Id };
    }
    if (comments)
      return {
        items: [...table('FeedComment').values()]
          .filter((row) => row.FeedItemId === comments[1])
          .map(output)
      };
    if (/\/feed-elements$/.test(url) && method === 'POST')
      return { id: post(payload.subjectId, payload.body.messageSegments, userId).Id };
    const record = /\/feeds\/record\/(\w+)\/feed-elements$/.exec(url);
    if (record)
      return {
        elements: [...table('FeedItem').values()]
          .filter((row) => row.ParentId === record[1])
          .reverse()
          .map(output)
      };
    const element = /\/feed-elements\/(\w+)$/.exec(url);
    if (element) return output(table('FeedItem').get(element[1])!);
    throw new Error(`memoryOrg: ${method} ${url} is not supported`);
  }

  /** A connection acting as the given user. */
  function connAs(userId: string): Connection {
    const conn = {
      version: API_VERSION,
      get instanceUrl() {
        return settings.instanceUrl;
      },
      userInfo: { id: userId },
      query: async (soql: string) => query(soql),
      // `/composite/batch` of queries, as the model is read (orgModel.modelRecords).
      requestPost: async (url: string, body: { batchRequests: { url: string }[] }) => {
        if (!url.endsWith('/composite/batch'))
          throw new Error(`memoryOrg: POST ${url} is not supported`);
        return {
          hasErrors: false,
          results: body.batchRequests.map((sub) => ({
            statusCode: 200,
            result: query(new URL(sub.url, 'http://memory/').searchParams.get('q') ?? '')
          }))
        };
      },
      request: async (options: { method?: string; url: string; body?: string } | string) =>
        request(userId, options),
      sobject: (name: string) => ({
        create: async (input: Record<string, unknown> | Record<string, unknown>[]) =>
          Array.isArray(input)
            ? input.map((record) => ({ success: true, id: insert(name, record).Id }))
            : { success: true, id: insert(name, input).Id },
        update: async (input: Row | Row[]) => {
          const one = (record: Row) => {
            const row = table(name).get(record.Id);
            if (!row)
              return {
                success: false,
                errors: [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED' }]
              };
            const modified = new Date(Date.UTC(2026, 0, 1, 0, 0, ++sequence)).toISOString();
            Object.assign(row, record, { LastModifiedDate: modified });
            return { success: true, id: record.Id };
          };
          return Array.isArray(input) ? input.map(one) : one(input);
        },
        destroy: async (ids: string | string[]) => {
          const one = (id: string) => ({ success: table(name).delete(id), id });
          return Array.isArray(ids) ? ids.map(one) : one(ids);
        },
        retrieve: async (id: string) => ({ ...table(name).get(id) }),
        describe: async () => ({
          name,
          fields: describedFields(name, table('User').get(userId)?.LanguageLocaleKey)
        })
      })
    };
    return conn as unknown as Connection;
  }

  return { connAs, tables, insert, table, userName, settings };
}
