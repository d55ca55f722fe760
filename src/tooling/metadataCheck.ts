import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ForceIgnore } from '@salesforce/source-deploy-retrieve';
import { z } from 'zod';
import { checkApex, isApexFile } from './apexCheck';
import { checkApexCompiles } from './apexCompileCheck';
import { checkChatterLimits } from './chatterLimitCheck';
import { checkHandoverFieldLengths } from './fieldLengthCheck';
import { checkCodeReferences } from './codeReferenceCheck';
import { checkComponentApexCalls } from './componentApexCheck';
import { checkComponentSet } from './componentSetCheck';
import { checkLabelLengths } from './labelLengthCheck';
import { loadModel } from './metadataModel';
import { checkPermissionDependencies } from './permissionDependencyCheck';
import { checkPicklists } from './picklistCheck';
import { listFiles, type Problem } from './problem';
import { checkReferences } from './referenceCheck';
import { checkReports } from './reportCheck';
import { checkShareFields } from './shareFieldCheck';
import { checkUserModeAccess } from './userModeAccessCheck';
import { checkXmlWellFormed } from './xmlCheck';

export { formatProblems, type Problem, type CheckName } from './problem';

const SfdxProject = z.object({
  packageDirectories: z.array(z.object({ path: z.string().min(1) })).min(1),
  sourceApiVersion: z.string().regex(/^\d+\.0$/)
});

/**
 * Everything we can check about the Salesforce source without an org: what
 * `sf project deploy start` would reject (unknown types, dropped files, malformed XML,
 * dangling references, bad picklist values, over-long labels, permission sets missing what their
 * grants depend on or what each role's user-mode Apex touches, component calls that match no
 * Apex method, Chatter posts over the limit, reports naming columns their type lacks) and Apex that does not compile or fails PMD's
 * security rules. Returns the problems; an empty list means the package is deployable as
 * far as an offline check can tell.
 */
export async function checkProject(
  projectDir: string,
  options: CheckOptions = {}
): Promise<Problem[]> {
  const projectFile = join(projectDir, 'sfdx-project.json');
  const project = SfdxProject.parse(JSON.parse(readFileSync(projectFile, 'utf8')));
  const problems: Problem[] = [];
  const apexFiles: string[] = [];
  for (const { path } of project.packageDirectories) {
    const packageDir = resolve(projectDir, path);
    problems.push(...(await checkPackageDir(packageDir, project.sourceApiVersion, options)));
    apexFiles.push(...packageFiles(packageDir).filter(isApexFile));
  }
  if (options.apex !== false) problems.push(...(await checkApexCompiles(projectDir, apexFiles)));
  return problems;
}

/**
 * `apex: false` skips the Apex checks (PMD and both compilers start JVMs)
 * when only metadata changed.
 */
export type CheckOptions = { apex?: boolean };

export async function checkPackageDir(
  packageDir: string,
  apiVersion: string,
  options: CheckOptions = {}
): Promise<Problem[]> {
  const files = packageFiles(packageDir);
  const model = loadModel(files);
  return [
    ...(await checkComponentSet(packageDir, apiVersion)),
    ...checkXmlWellFormed(files),
    ...checkReferences(files, model),
    ...checkCodeReferences(files, model),
    ...checkPicklists(files, model),
    ...checkLabelLengths(files),
    ...checkPermissionDependencies(files, model),
    ...checkUserModeAccess(files, model),
    ...checkComponentApexCalls(files, model),
    ...checkChatterLimits(files, model),
    ...checkHandoverFieldLengths(model),
    ...checkShareFields(files),
    ...checkReports(files, model),
    ...(options.apex === false ? [] : await checkApex(files))
  ];
}

/** The files of a package directory that a deploy would send (.forceignore applied). */
function packageFiles(packageDir: string): string[] {
  const ignore = ForceIgnore.findAndCreate(packageDir);
  return listFiles(packageDir).filter((file) => !ignore.denies(file));
}
