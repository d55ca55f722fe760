import { BatonError, UserInputError } from '../../core';
import { EXIT_FAILURE, EXIT_USER_ERROR } from '../run';

/**
 * Output for the pure commands (`health score`, `tier suggest`): the result on stdout, or on
 * an error only a message on stderr and exit 1 (bad input) or 2. Unlike runCommand, an
 * error prints nothing to stdout even with --json, so a pipe never mistakes it for results.
 */
export async function runPure<T>(
  options: { json?: boolean },
  body: () => T,
  human: (result: T) => string
): Promise<void> {
  let result: T;
  try {
    result = body();
  } catch (error) {
    const userError =
      error instanceof UserInputError || (error instanceof BatonError && error.code !== 'FAILURE');
    process.stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = userError ? EXIT_USER_ERROR : EXIT_FAILURE;
    return;
  }
  process.stdout.write(
    options.json ? JSON.stringify(result, null, 2) + '\n' : human(result) + '\n'
  );
}
