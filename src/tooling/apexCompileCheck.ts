import { problem, type Problem } from './problem';
import { checkWithApexLs } from './apexCompile/apexLs';
import { missingJava } from './apexCompile/javaTools';
import { checkWithJorje } from './apexCompile/jorje';

/**
 * What the Apex compiler of an org would reject, checked offline by two compilers that run
 * side by side: apex-ls (types, fields, methods against API 61) and Salesforce's jorje front end
 * (syntax, reserved names, duplicates, returns). Parsing alone misses all of it.
 */
export async function checkApexCompiles(
  projectDir: string,
  apexFiles: string[]
): Promise<Problem[]> {
  const missing = missingJava();
  if (missing) {
    return [
      problem('apex-ls', projectDir, `apex-ls cannot run: ${missing}`),
      problem('apex-jorje', projectDir, `jorje cannot run: ${missing}`)
    ];
  }
  const [semantic, compiled] = await Promise.all([
    checkWithApexLs(projectDir),
    checkWithJorje(apexFiles)
  ]);
  return [...semantic, ...compiled];
}
