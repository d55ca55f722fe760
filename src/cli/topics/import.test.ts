import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register } from './import';

// Flag checks happen before any connection: a typo costs no API call and exits 1 with one
// JSON document naming the flag. (Imports against an org: src/services/imports/*.localorg.test.ts.)

const connect = jest.fn(async () => {
  throw new Error('must not connect');
});

async function run(...args: string[]) {
  const program = new Command('baton').exitOverride();
  register(program, connect);
  const out: string[] = [];
  jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (out.push(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  await program.parseAsync(['node', 'baton', 'import', ...args, '--json']);
  return { json: JSON.parse(out.join('')), exitCode: process.exitCode ?? 0 };
}

afterEach(() => {
  jest.restoreAllMocks();
  connect.mockClear();
  process.exitCode = undefined;
});

describe('baton import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-import-cli-'));

  it('refuses a missing file before connecting', async () => {
    const { json, exitCode } = await run('surveys', '--file', join(dir, 'nope.csv'));
    expect(exitCode).toBe(1);
    expect(json).toMatchObject({
      status: 1,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/--file: no file/)
    });
    expect(connect).not.toHaveBeenCalled();
  });

  it('refuses a mapping that is not the documented shape, naming the key', async () => {
    const file = join(dir, 'a.csv');
    writeFileSync(file, 'account_id,type,score,responded_on\n');
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { score: 5 } }));
    const { json, exitCode } = await run('usage', '--file', file, '--mapping', mapping);
    expect(exitCode).toBe(1);
    expect(json.message).toMatch(/--mapping: columns\.score: Expected string/);
    expect(connect).not.toHaveBeenCalled();
  });
});
