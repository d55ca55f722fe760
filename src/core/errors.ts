import type { ZodError } from 'zod';

/**
 * Errors a user can act on. Every Baton error has a stable `code` (for scripts and `--json`)
 * and a message that names what was wrong, such as the field or JSON path.
 */
export class BatonError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string
  ) {
    super(message);
    this.name = 'BatonError';
  }
}

/** Bad input from the user: the CLI exits 1 for these, 2 for anything else. */
export class UserInputError extends BatonError {
  constructor(message: string, field?: string) {
    super('INVALID_INPUT', message, field);
    this.name = 'UserInputError';
  }
}

/** How a zod issue reads as a UserInputError: `<prefix><place>: <message>`. */
export interface IssueWording {
  /** Text before the place, such as `--mapping: ` or the file's path. */
  prefix?: string;
  /** How the issue's path reads (default: its parts joined with dots). */
  place?: (path: (string | number)[]) => string;
  /** The place when the path reads empty (default `(root)`); '' leaves the place out. */
  root?: string;
  /** The error's field (default: the place). */
  field?: string;
}

/** The first zod issue as the message a user acts on: one wording for every input Baton reads. */
export function zodInputError(error: ZodError, wording: IssueWording = {}): UserInputError {
  const issue = error.issues[0];
  const place =
    (wording.place ?? ((path) => path.join('.')))(issue.path) || (wording.root ?? '(root)');
  const message = `${wording.prefix ?? ''}${place ? `${place}: ` : ''}${issue.message}`;
  return new UserInputError(message, wording.field ?? place);
}
