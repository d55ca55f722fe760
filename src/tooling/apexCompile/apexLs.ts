import { z } from 'zod';
import { problem, type Problem } from '../problem';
import { apexLsClasspath, runJava } from './javaTools';

/** apex-ls exits 4 when it found issues; any other non-zero status means it did not run. */
const ISSUES_FOUND = 4;

/** The categories that fail a deploy: wrong code (Error) and references to nothing (Missing). */
const FAILING = new Set(['Error', 'Missing']);

const Report = z.object({
  files: z.array(
    z.object({
      path: z.string(),
      messages: z.array(
        z.object({
          start: z.object({ line: z.number() }),
          category: z.string(),
          message: z.string()
        })
      )
    })
  )
});

/**
 * ApexLink's semantic check of a whole SFDX project against the API 61 library it ships:
 * unknown objects, fields, labels, classes and methods, wrong argument and assignment types.
 */
export async function checkWithApexLs(projectDir: string): Promise<Problem[]> {
  const run = await runJava([
    '-cp',
    apexLsClasspath(),
    'io.github.apexdevtools.apexls.CheckForIssues',
    '-n',
    '-f',
    'json',
    '-w',
    projectDir
  ]);
  const report = run.status === 0 || run.status === ISSUES_FOUND ? parse(run.stdout) : undefined;
  if (!report) {
    const output = `${run.stderr}${run.stdout}`.trim().split('\n').slice(0, 5).join(' ');
    return [problem('apex-ls', projectDir, `apex-ls did not run (exit ${run.status}): ${output}`)];
  }
  return report.files.flatMap(({ path, messages }) =>
    messages
      .filter(({ category }) => FAILING.has(category))
      .map(({ start, category, message }) =>
        problem('apex-ls', path, `line ${start.line}: ${category}: ${message}`)
      )
  );
}

function parse(stdout: string): z.infer<typeof Report> | undefined {
  try {
    return Report.parse(JSON.parse(stdout));
  } catch {
    return undefined;
  }
}
