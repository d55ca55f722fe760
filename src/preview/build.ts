import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs';
import { join, relative } from 'node:path';
import { rollup, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { API_VERSION } from '../metadata/apiVersion';
import { readLabels, readPicklistTranslations } from './labels';
import { readAppTabs } from '../metadata/appTabs';
import {
  appTabsModule,
  flexiPageModule,
  flexiPagePath,
  readAccountPage,
  readPage,
  type PreviewTab
} from './flexipage';
import { componentAliases, platformPlugin, typescriptPlugin } from './platformPlugin';

export const PROJECT_DIR = join(__dirname, '..', '..');
const LWC_DIR = 'force-app/main/default/lwc';

/** Everything the bundle depends on; a change to any of these means a rebuild. */
const INPUTS = [
  LWC_DIR,
  'force-app/main/default/labels',
  'force-app/main/default/translations',
  'force-app/main/default/objectTranslations',
  'src/preview/app',
  'sfdx-project.json',
  'src/preview/platform',
  'src/preview/build.ts',
  'src/preview/platformPlugin.ts',
  'src/preview/labels.ts',
  'src/preview/flexipage.ts',
  'src/metadata/appTabs.ts',
  // The app's tabs, their pages and who may see them (the no-access notice names the sets).
  'force-app/main/default/applications',
  'force-app/main/default/tabs',
  'force-app/main/default/flexipages',
  'force-app/main/default/permissionsets',
  'package-lock.json'
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name !== '__tests__' && !name.startsWith('.'))
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A content hash of the build's inputs (names and bytes), so unchanged sources reuse the build. */
export function inputsHash(projectDir = PROJECT_DIR): string {
  const hash = createHash('sha256')
    .update(process.env.BATON_PREVIEW_EXCLUDE ?? '')
    .update('\0');
  for (const file of INPUTS.flatMap((input) => filesUnder(join(projectDir, input))).sort()) {
    hash.update(relative(projectDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export interface PreviewBuild {
  /** Folder holding main.js and its chunks. */
  dir: string;
  hash: string;
  /** False when an up-to-date build was reused. */
  built: boolean;
  ms: number;
}

/**
 * Compiles force-app's components, lightning-base-components and the preview shell for the
 * browser into preview-build/<hash>/. Builds go to a temporary folder first and are renamed
 * into place, so concurrent builders (tests, `npm start`) never see half a build.
 */
export async function buildPreview(
  options: { projectDir?: string; force?: boolean } = {}
): Promise<PreviewBuild> {
  const projectDir = options.projectDir ?? PROJECT_DIR;
  const started = Date.now();
  const hash = inputsHash(projectDir);
  const root = join(projectDir, 'preview-build');
  const dir = join(root, hash);
  const reuse = () => ({ dir, hash, built: false, ms: Date.now() - started });
  if (existsSync(join(dir, 'main.js')) && !options.force) return reuse();
  mkdirSync(root, { recursive: true });
  // One builder per hash: parallel test workers wait for the first instead of each compiling.
  const lock = join(root, `.lock-${hash}`);
  if (!options.force && !(await acquire(lock))) {
    if (existsSync(join(dir, 'main.js'))) return reuse();
  }
  try {
    return await compile(projectDir, hash, root, dir, started);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const LOCK_STALE_MS = 180_000;

/** Takes the build lock, or waits until its holder is done (false) or the lock is stale. */
async function acquire(lock: string): Promise<boolean> {
  for (;;) {
    try {
      mkdirSync(lock);
      return true;
    } catch {
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : LOCK_STALE_MS;
      if (age >= LOCK_STALE_MS) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (!existsSync(lock)) return false;
    }
  }
}

async function compile(
  projectDir: string,
  hash: string,
  root: string,
  dir: string,
  started: number
): Promise<PreviewBuild> {
  const temp = join(root, `.tmp-${process.pid}-${Date.now()}`);
  const appDir = join(projectDir, 'src/preview/app');
  const warnings: string[] = [];
  const available = new Set(
    componentAliases(join(projectDir, LWC_DIR), 'c')
      .map((a) => a.name.slice(2))
      // While a teammate's component is mid-change, the preview can leave it out.
      .filter((name) => !(process.env.BATON_PREVIEW_EXCLUDE ?? '').split(',').includes(name))
  );
  const bundle = await rollup({
    input: { main: join(appDir, 'main.ts') },
    onwarn: (log: RollupLog) => {
      if (log.code !== 'CIRCULAR_DEPENDENCY' && log.code !== 'THIS_IS_UNDEFINED')
        warnings.push(log.message);
    },
    plugins: [
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify('production'),
          'import.meta.env.SSR': 'false',
          BATON_API_VERSION: JSON.stringify(API_VERSION)
        }
      }),
      platformPlugin(
        readLabels(projectDir),
        {
          flexipage: flexiPageModule(readAccountPage(projectDir), available),
          apptabs: appTabsModule(previewTabs(projectDir), available)
        },
        readPicklistTranslations(projectDir)
      ),
      typescriptPlugin(),
      lwc({
        rootDir: appDir,
        modules: [
          ...componentAliases(join(projectDir, LWC_DIR), 'c'),
          ...componentAliases(join(appDir, 'lwc'), 'preview'),
          { npm: 'lightning-base-components' }
        ],
        // The record page renders the FlexiPage's components with <lwc:component lwc:is>.
        enableDynamicComponents: true
      }),
      nodeResolve()
    ]
  });
  await bundle.write({
    dir: temp,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js'
  });
  await bundle.close();
  replaceBuild(root, temp, dir);
  if (warnings.length && process.env.BATON_PREVIEW_VERBOSE)
    process.stderr.write(warnings.join('\n') + '\n');
  return { dir, hash, built: true, ms: Date.now() - started };
}

/** The Baton app's tabs from force-app, each custom tab with its Lightning page's regions. */
export function previewTabs(projectDir: string): PreviewTab[] {
  return readAppTabs(projectDir).map((tab) =>
    tab.kind === 'standard'
      ? tab
      : {
          kind: 'custom',
          name: tab.name,
          label: { ...tab.translations, en: tab.label },
          grantedBy: tab.grantedBy,
          regions: tab.flexiPage ? readPage(projectDir, flexiPagePath(tab.flexiPage)) : {}
        }
  );
}

function replaceBuild(root: string, temp: string, dir: string): void {
  try {
    renameSync(temp, dir);
  } catch {
    // Another process finished the same build first; theirs is identical.
    rmSync(temp, { recursive: true, force: true });
  }
  // Keep only the current build (and any in flight).
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (path !== dir && !name.startsWith('.')) rmSync(path, { recursive: true, force: true });
  }
}
