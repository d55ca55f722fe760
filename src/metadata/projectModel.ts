import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BatonError } from '../core/errors';
import { recordsFromXml, type MetadataFile } from '../core/config/loadXml';
import { parseModelRecords, type BatonModel } from '../core/config/model';
import type { ModelRecords } from '../core/config/records';

/** Where the project's custom metadata records live. */
export const PROJECT_MODEL_DIR = resolve(__dirname, '../../force-app/main/default/customMetadata');

/** Node only: the model from a directory of `.md-meta.xml` records (default: the project's). */
export function loadProjectModel(dir: string = PROJECT_MODEL_DIR): BatonModel {
  return parseModelRecords(recordsFromXml(readModelFiles(dir)));
}

/** Node only: the project's records in the org's row shape, e.g. for a stand-in org to serve. */
export function projectModelRecords(dir: string = PROJECT_MODEL_DIR): ModelRecords {
  return recordsFromXml(readModelFiles(dir));
}

export function readModelFiles(dir: string): MetadataFile[] {
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
  return names.sort().map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }));
}
