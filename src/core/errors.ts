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
