import type { Row } from '../records';
import type { RecordTrigger, TriggerRefusal } from '../triggers';

/** The one rule for a link a user may store: an absolute http(s) URL (no javascript:, data:…). */
export const isWebUrl = (url: unknown): boolean =>
  typeof url === 'string' && /^https?:\/\/\S/i.test(url);

const RECORD_ID = /^[a-zA-Z0-9]{15,18}$/;

/** Stored message segments as the Connect route writes them, with web links only. */
function safeSegments(json: string): boolean {
  let segments: unknown;
  try {
    segments = JSON.parse(json);
  } catch {
    return false;
  }
  return (
    Array.isArray(segments) &&
    segments.every((segment) => {
      switch (segment?.type) {
        case 'Text':
          return typeof segment.text === 'string';
        case 'Link':
          return isWebUrl(segment.url);
        case 'Mention':
          return RECORD_ID.test(String(segment.record?.id));
        default:
          return false;
      }
    })
  );
}

function linkRefusal(record: Row): TriggerRefusal | null {
  if (record.LinkUrl != null && !isWebUrl(record.LinkUrl))
    return { message: 'LinkUrl: a link needs an http(s) URL', fields: ['LinkUrl'] };
  if (record.Segments__c != null && !safeSegments(String(record.Segments__c)))
    return {
      message: 'Segments__c: message segments are Text, Mention or Link with an http(s) URL',
      fields: ['Segments__c']
    };
  return null;
}

/**
 * Feed items and comments hold links the feed renders for everyone: whatever API writes them
 * (REST, composite, Bulk, Connect), only http(s) links are stored, so a `javascript:` link
 * cannot wait in the feed for an admin to click it.
 */
export const feedLinks: RecordTrigger = {
  beforeInsert: (record) => linkRefusal(record),
  beforeUpdate: (record) => linkRefusal(record)
};

export const FEED_OBJECTS = ['FeedItem', 'FeedComment'];
