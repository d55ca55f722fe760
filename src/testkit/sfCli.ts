import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalOrg } from '../localorg/server';

const SF = join(__dirname, '..', '..', 'node_modules', '.bin', 'sf');

/** The pinned CLI never reaches the internet: no update checks, no telemetry. */
const OFFLINE_ENV = {
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_AUTOUPDATE_DISABLE: 'true',
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_USE_PROGRESS_BAR: 'false',
  NO_COLOR: '1'
};

export interface SfRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * For tests: `sf <args>` as a user runs it, with `home` as HOME (its auth store and logs).
 * Asynchronous, since the local org answering it runs in the test's own process.
 */
export function runSf(
  args: string[],
  options: { home: string; cwd?: string; env?: Record<string, string> }
): Promise<SfRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(SF, args, {
      cwd: options.cwd ?? options.home,
      env: { ...process.env, ...OFFLINE_ENV, HOME: options.home, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        exitCode: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      })
    );
  });
}

/** A temp HOME where `sf org login access-token` has signed in to a local org as its admin. */
export interface SfSession {
  home: string;
  alias: string;
  /** `sf <args> --target-org <alias>` is up to the caller: commands differ in the flag. */
  run(args: string[], options?: { cwd?: string }): Promise<SfRun>;
  /** `sf <args> --json`, its document parsed (status, result, name, message). */
  json<T = Record<string, unknown>>(
    args: string[],
    options?: { cwd?: string }
  ): Promise<{ status: number; result: T; name?: string; message?: string }>;
  dispose(): void;
}

export async function signInSf(org: LocalOrg, alias = 'local'): Promise<SfSession> {
  const home = mkdtempSync(join(tmpdir(), 'baton-sf-home-'));
  const run = (args: string[], options: { cwd?: string } = {}) =>
    runSf(args, { home, cwd: options.cwd });
  const json = async <T>(args: string[], options: { cwd?: string } = {}) => {
    const { stdout, stderr } = await run([...args, '--json'], options);
    try {
      return JSON.parse(stdout) as { status: number; result: T; name?: string; message?: string };
    } catch {
      throw new Error(`sf ${args.join(' ')} printed no JSON:\n${stdout}\n${stderr}`);
    }
  };
  // The form a user types: the instance URL as the org prints it, token from the environment.
  const login = await runSf(
    [
      'org',
      'login',
      'access-token',
      '--instance-url',
      `${org.instanceUrl}/`,
      '--alias',
      alias,
      '--set-default',
      '--no-prompt',
      '--json'
    ],
    { home, env: { SF_ACCESS_TOKEN: org.accessToken } }
  );
  if (login.exitCode !== 0)
    throw new Error(`sf org login access-token failed:\n${login.stdout}\n${login.stderr}`);
  return {
    home,
    alias,
    run,
    json,
    dispose: () => rmSync(home, { recursive: true, force: true })
  };
}
