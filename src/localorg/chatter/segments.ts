import { OrgError } from '../errors';
import type { OrgCore } from '../orgCore';
import { isWebUrl } from './links';

export interface InputSegment {
  type: string;
  text?: string;
  id?: string;
  url?: string;
}

export interface OutputSegment {
  type: 'Text' | 'Mention' | 'Link';
  text: string;
  name?: string;
  record?: { id: string; displayName: string; type: 'User' };
  url?: string;
}

/**
 * Checks Connect message segments and resolves mentions to users, as an org does: a mention
 * of someone who is not a user fails the whole post. Text stays text: nothing is parsed as
 * markup, so user-typed "@Name" or HTML never becomes a mention or a tag.
 */
export function resolveSegments(org: OrgCore, input: unknown): OutputSegment[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new OrgError(
      400,
      'INVALID_INPUT',
      'body.messageSegments: at least one message segment is required',
      ['messageSegments']
    );
  }
  return input.map((segment: InputSegment, index) => {
    switch (segment?.type) {
      case 'Text':
        return { type: 'Text', text: String(segment.text ?? '') };
      case 'Link':
        if (!isWebUrl(segment.url))
          throw new OrgError(
            400,
            'INVALID_INPUT',
            `messageSegments[${index}].url: a link needs an http(s) URL`
          );
        return { type: 'Link', text: String(segment.url), url: String(segment.url) };
      case 'Mention': {
        const users = org.query(
          `SELECT Id, Name FROM User WHERE Id = '${safeId(segment.id)}'`
        ).records;
        if (!users.length)
          throw new OrgError(
            400,
            'INVALID_INPUT',
            `messageSegments[${index}].id: ${segment.id} is not a user that can be mentioned`
          );
        const name = String(users[0].Name);
        return {
          type: 'Mention',
          text: `@${name}`,
          name,
          record: { id: String(users[0].Id), displayName: name, type: 'User' }
        };
      }
      default:
        throw new OrgError(
          400,
          'INVALID_INPUT',
          `messageSegments[${index}].type: ${segment?.type} is not supported (Text, Mention, Link)`
        );
    }
  });
}

/** Ids are checked against the id alphabet before they reach a query, so nothing can be injected. */
function safeId(id: unknown): string {
  const text = String(id ?? '');
  return /^[a-zA-Z0-9]{15,18}$/.test(text) ? text : '000000000000000';
}

export const plainText = (segments: OutputSegment[]) => segments.map((s) => s.text).join('');
