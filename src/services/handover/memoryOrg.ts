import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { Connection } from 'jsforce';

/**
 * An in-memory stand-in for the small part of a jsforce Connection the handover twin uses
 * (SOQL with =, !=, IN and AND; sobject create/update/retrieve; the Chatter Connect
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

export function memoryOrg() {
  const tables = new Map<string, Map<string, Row>>();
  const segments = new Map<string, Segment[]>();
  let sequence = 0;
  const table = (name: string) => tables.get(name) ?? tables.set(name, new Map()).get(name)!;
  const insert = (sobject: string, record: Record<string, unknown>): Row => {
    sequence++;
    const id = `${PREFIX[sobject] ?? 'a00'}${String(sequence).padStart(12, '0')}AAA`;
    const row = {
      ...record,
      Id: id,
      CreatedDate: new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)).toISOString()
    };
    table(sobject).set(id, row);
    return row;
  };
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
        (left.literalType === 'BOOLEAN' && String(actual) === left.value);
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
    return row;
  }
  const output = (row: Row) => ({
    id: row.Id,
    parent: { id: row.ParentId },
    body: {
      messageSegments: (segments.get(row.Id) ?? []).map((segment) =>
        segment.type === 'Mention' ? { ...segment, record: { id: segment.id } } : segment
      )
    }
  });

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
      version: '62.0',
      instanceUrl: 'http://memory.invalid',
      userInfo: { id: userId },
      query: async (soql: string) => query(soql),
      request: async (options: { method?: string; url: string; body?: string } | string) =>
        request(userId, options),
      sobject: (name: string) => ({
        create: async (input: Record<string, unknown> | Record<string, unknown>[]) =>
          Array.isArray(input)
            ? input.map((record) => ({ success: true, id: insert(name, record).Id }))
            : { success: true, id: insert(name, input).Id },
        update: async (record: Row) => {
          const row = table(name).get(record.Id);
          if (!row)
            return {
              success: false,
              errors: [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED' }]
            };
          Object.assign(row, record);
          return { success: true, id: record.Id };
        },
        retrieve: async (id: string) => ({ ...table(name).get(id) })
      })
    };
    return conn as unknown as Connection;
  }

  return { connAs, tables, insert };
}
