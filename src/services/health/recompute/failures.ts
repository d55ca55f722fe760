import { writeFileSync } from 'node:fs';
import { csvField } from '../../../org/csvRecords';

/** One row Baton could not write, after retries, and why. */
export interface Failure {
  accountId: string;
  object: string;
  errorCode: string;
  message: string;
}

export function failuresCsv(failures: Failure[]): string {
  const lines = ['AccountId,Object,ErrorCode,Message'];
  for (const failure of failures) {
    lines.push(
      [failure.accountId, failure.object, failure.errorCode, failure.message]
        .map(csvField)
        .join(',')
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Writes the failures next to the run so none is lost silently; returns the path or null. */
export function writeFailuresCsv(failures: Failure[], path: string): string | null {
  if (failures.length === 0) {
    return null;
  }
  writeFileSync(path, failuresCsv(failures), 'utf8');
  return path;
}
