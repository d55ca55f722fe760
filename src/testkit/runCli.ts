import { Command } from 'commander';
import type { Connect } from '../services/touchpoints/connect';

/** A topic's `register(program, connect)`, as each src/cli/topics module exports it. */
export type RegisterTopic = (program: Command, connect: Connect) => void;

/**
 * For tests: `baton <args> --json` through commander with the given topics, as the CLI runs
 * it, with stdout and stderr captured instead of printed. Call it inside a test: it spies on
 * the streams with jest.
 */
export async function runCliJson(
  topics: RegisterTopic[],
  connect: Connect,
  args: string[]
): Promise<{ json: ReturnType<typeof JSON.parse>; stderr: string; exitCode: number }> {
  const program = new Command('baton').exitOverride();
  for (const register of topics) register(program, connect);
  const out: string[] = [];
  const err: string[] = [];
  jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (out.push(String(chunk)), true));
  jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => (err.push(String(chunk)), true));
  process.exitCode = undefined;
  await program.parseAsync(['node', 'baton', ...args, '--json']);
  return {
    json: JSON.parse(out.join('')),
    stderr: err.join(''),
    exitCode: Number(process.exitCode ?? 0)
  };
}
