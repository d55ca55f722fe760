import { problem, type Problem } from '../problem';
import { helperClasses, JORJE_JAR, runJava } from './javaTools';

/**
 * The semantic errors jorje reports that hold without an org. With no org's symbol table it
 * knows neither SObjects nor the standard library (System, Assert, Exception…), so everything
 * that touches them ("Invalid type", "Variable does not exist", …) is noise and is dropped.
 */
const ORG_INDEPENDENT = [
  /^Identifier (name|type) is reserved/,
  /^Identifier cannot be a keyword/,
  /^Identifier name is too long/,
  /^Invalid character in identifier/,
  /^Duplicate (variable|field|modifier|type parameter)/,
  /^Method already defined/,
  /^Type name already in use/,
  /^Missing return statement/,
  /^Void method must not return a value/,
  /^Constructors must not return a value/,
  /^Unreachable statement/,
  /^Illegal assignment from/,
  /^Illegal forward reference/,
  /^(Break|Continue) statement must be in loop/,
  /^Final members can only be assigned/,
  /^Expression cannot be (a statement|assigned)/
];

/**
 * Salesforce's own Apex front end, run to its VALIDATE stage over all the files together:
 * syntax (always kept) and the semantic errors in ORG_INDEPENDENT.
 */
export async function checkWithJorje(files: string[]): Promise<Problem[]> {
  if (files.length === 0) return [];
  const classpath = `${helperClasses()}:${JORJE_JAR}`;
  const run = await runJava(['-cp', classpath, 'JorjeValidate', ...files]);
  if (run.status !== 0) {
    const output = run.stderr.trim().split('\n').slice(-5).join(' ');
    return [problem('apex-jorje', files[0], `jorje did not run (exit ${run.status}): ${output}`)];
  }
  return run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [file, lineNumber, , kind, message] = line.split('\t');
      return { file, lineNumber, kind, message };
    })
    .filter(
      ({ kind, message }) => kind === 'syntax' || ORG_INDEPENDENT.some((r) => r.test(message))
    )
    .map(({ file, lineNumber, message }) =>
      problem('apex-jorje', file, `line ${lineNumber}: ${message}`)
    );
}
