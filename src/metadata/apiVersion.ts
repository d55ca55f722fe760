import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The Salesforce API version Baton speaks, to orgs and as the local org: sfdx-project.json's
 * sourceApiVersion, the version the metadata is written for, so one edit moves them all.
 */
export const API_VERSION: string = z
  .object({ sourceApiVersion: z.string().regex(/^\d+\.0$/) })
  .parse(
    JSON.parse(readFileSync(resolve(__dirname, '../../sfdx-project.json'), 'utf8'))
  ).sourceApiVersion;
