import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BatonError } from '../errors';
import { loadModelFromXml } from './loadXml';
import type { BatonModel } from './model';

/** Where the project's custom metadata records live. */
export const PROJECT_MODEL_DIR = resolve(
  __dirname,
  '../../../force-app/main/default/customMetadata'
);

/** Node only: the model from a directory of `.md-meta.xml` records (default: the project's). */
export function loadProjectModel(dir: string = PROJECT_MODEL_DIR): BatonModel {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.md-meta.xml'));
  } catch (error) {
    throw new BatonError(
      'INVALID_INPUT',
      `--model: cannot read ${dir}: ${(error as Error).message}`,
      'model'
    );
  }
  return loadModelFromXml(
    names.sort().map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }))
  );
}
