import type { Connection } from 'jsforce';
import type { MessageSegment } from '../../../core/connect';
import type { OrgAccess, Row, RowResult } from './orgAccess';

type SaveResult = {
  success: boolean;
  errors?: ({ errorCode?: string; statusCode?: string; message?: string } | string)[];
};

/** jsforce save results → RowResult, keeping Salesforce's error code for the retry decision. */
export function toRowResults(results: SaveResult[]): RowResult[] {
  return results.map((result) => {
    if (result.success) return { success: true };
    const error = result.errors?.[0];
    if (typeof error === 'string') return { success: false, errorCode: 'UNKNOWN', message: error };
    return {
      success: false,
      errorCode: error?.errorCode ?? error?.statusCode ?? 'UNKNOWN',
      message: error?.message ?? 'failed'
    };
  });
}

/** Plain REST rows: drop jsforce's `attributes`. */
function plain(records: Row[]): Row[] {
  return records.map(({ attributes: _attributes, ...fields }) => fields);
}

/** OrgAccess over REST only: queries page by 2 000, writes by collections of 200. */
export function restAccess(conn: Connection): OrgAccess {
  return {
    async count(soql) {
      const result = await conn.query(soql);
      return result.totalSize;
    },
    async query(soql, _expectedRows, onRows) {
      let page = await conn.query<Row>(soql);
      onRows(plain(page.records));
      while (!page.done && page.nextRecordsUrl) {
        page = await conn.queryMore<Row>(page.nextRecordsUrl);
        onRows(plain(page.records));
      }
    },
    async update(object, rows) {
      const results = await conn
        .sobject(object)
        .update(rows as { Id: string }[], { allOrNone: false, allowRecursive: true });
      return toRowResults(results as SaveResult[]);
    },
    async upsert(object, externalIdField, rows) {
      const results = await conn
        .sobject(object)
        .upsert(rows, externalIdField, { allOrNone: false, allowRecursive: true });
      return toRowResults(results as SaveResult[]);
    },
    async post(subjectId: string, segments: MessageSegment[]) {
      await conn.request({
        method: 'POST',
        url: '/chatter/feed-elements',
        body: JSON.stringify({
          feedElementType: 'FeedItem',
          subjectId,
          body: { messageSegments: segments }
        }),
        headers: { 'content-type': 'application/json' }
      });
    }
  };
}
