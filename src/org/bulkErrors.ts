const BULK_ERROR = /^([A-Z][A-Z_]+):([\s\S]*)$/;

/**
 * A Bulk result row's sf__Error, `CODE:message:fields` (fields `--` when none), as the error
 * code and message a REST save result carries, so callers read failures of both paths alike.
 * The fields, when named, go in brackets after the message.
 */
export function parseBulkError(error: string | undefined): { errorCode: string; message: string } {
  const text = (error ?? '').trim();
  const match = BULK_ERROR.exec(text);
  if (!match) return { errorCode: 'UNKNOWN', message: text || 'failed' };
  const parts = match[2].split(':');
  let fields = '';
  if (parts.length > 1 && /^(--|[\w,]*)$/.test(parts[parts.length - 1])) fields = parts.pop()!;
  const message = parts.join(':').trim() || match[1];
  return {
    errorCode: match[1],
    message: fields && fields !== '--' ? `${message} (${fields})` : message
  };
}
