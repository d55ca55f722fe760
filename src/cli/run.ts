import { BatonError, UserInputError } from '../core/errors';

/** Exit codes follow sf conventions: 0 success, 1 user error, 2 failure. */
export const EXIT_USER_ERROR = 1;
export const EXIT_FAILURE = 2;

export interface OutputOptions {
  json?: boolean;
}

/**
 * Runs a command body and turns its result or error into output and an exit code, so each
 * command only computes. With --json, stdout carries exactly one JSON document.
 */
export async function runCommand<T>(
  options: OutputOptions,
  body: () => Promise<T>,
  human: (result: T) => string
): Promise<void> {
  try {
    const result = await body();
    process.stdout.write(
      options.json ? JSON.stringify(result, null, 2) + '\n' : human(result) + '\n'
    );
  } catch (error) {
    const isUserError =
      error instanceof UserInputError || (error instanceof BatonError && error.code !== 'FAILURE');
    const message = error instanceof Error ? error.message : String(error);
    if (options.json) {
      const code = error instanceof BatonError ? error.code : 'FAILURE';
      process.stdout.write(JSON.stringify({ status: isUserError ? 1 : 2, code, message }) + '\n');
    }
    process.stderr.write(`Error: ${message}\n`);
    process.exitCode = isUserError ? EXIT_USER_ERROR : EXIT_FAILURE;
  }
}
