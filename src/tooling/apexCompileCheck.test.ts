import { join } from 'node:path';
import { isApexFile } from './apexCheck';
import { checkApexCompiles } from './apexCompileCheck';
import { missingJava } from './apexCompile/javaTools';
import { listFiles } from './problem';
import { copyProject, describeProblem, removeCopy } from './testCopy';

// Two JVMs (apex-ls and jorje) over the whole package; a busy 2-core machine needs the margin.
jest.setTimeout(120_000);

const SERVICE = 'force-app/main/default/classes/HandoverService.cls';

/** Each compile error Salesforce's compilers found in an earlier HandoverService, as a member put back into HandoverService. */
const BROKEN_MEMBERS = {
  // Apex names are case-insensitive: DRAFT is the parameter, not the class's String constant.
  shadowedConstant: `  public Handover__c saveDraftAgain(Handover__c draft) {
    Handover__c again = new Handover__c();
    again.Status__c = DRAFT;
    return again;
  }`,
  reservedParameter: `  private static Boolean expectsFailure(Map<String, Object> then) {
    return then.containsKey('error');
  }`,
  unknownField: `  private static void stampNothing(Handover__c handover) {
    handover.No_Such_Field__c = 'x';
  }`,
  unknownMethod: `  private static void ruleThatIsNot() {
    HandoverServiceRules.noSuchRule();
  }`,
  missingReturn: `  private static Integer countNothing() {
  }`
};

function apexFilesOf(projectDir: string): string[] {
  return listFiles(join(projectDir, 'force-app')).filter(isApexFile);
}

// The repository's own force-app passing both compilers is asserted with every other check in
// metadataCheck.test.ts, so the compilers run over the real tree once per test run.
describe('Apex compile checks (apex-ls and jorje)', () => {
  let problems: string[];
  let edited = '';

  /** The 1-based line of the edited HandoverService that holds `text`. */
  const lineOf = (text: string): number => {
    const index = edited.split('\n').findIndex((line) => line.includes(text));
    if (index < 0) throw new Error(`"${text}" is not in the edited class`);
    return index + 1;
  };

  // One broken copy and one run of both compilers; each test reads its own error.
  beforeAll(async () => {
    const copy = copyProject();
    try {
      copy.edit(SERVICE, (source) => {
        const end = source.lastIndexOf('}');
        edited = `${source.slice(0, end)}\n${Object.values(BROKEN_MEMBERS).join('\n\n')}\n}\n`;
        return edited;
      });
      problems = (await checkApexCompiles(copy.dir, apexFilesOf(copy.dir))).map(describeProblem);
    } finally {
      removeCopy(copy.dir);
    }
  }, 120_000);

  const at = (check: string, line: number, message: string) =>
    `${check} main/default/classes/HandoverService.cls: line ${line}: ${message}`;

  it('it_should_fail_a_parameter_that_shadows_a_constant_of_another_type', () => {
    expect(problems).toContain(
      at(
        'apex-ls',
        lineOf('again.Status__c = DRAFT;'),
        "Error: Incompatible types in assignment, from 'Schema.Handover__c' to 'System.String'"
      )
    );
  });

  it('it_should_fail_a_parameter_named_with_a_reserved_identifier', () => {
    expect(problems).toContain(
      at('apex-jorje', lineOf('Map<String, Object> then)'), 'Identifier name is reserved: then')
    );
  });

  it('it_should_fail_an_unknown_field_and_an_unknown_method', () => {
    expect(problems).toEqual(
      expect.arrayContaining([
        at(
          'apex-ls',
          lineOf('No_Such_Field__c'),
          "Missing: Unknown field 'No_Such_Field__c' on SObject 'Schema.Handover__c'"
        ),
        at(
          'apex-ls',
          lineOf('noSuchRule()'),
          "Missing: No matching method found for 'noSuchRule' on 'HandoverServiceRules' taking no arguments"
        )
      ])
    );
  });

  it('it_should_fail_a_method_that_does_not_return', () => {
    expect(problems).toContain(
      at(
        'apex-jorje',
        lineOf('Integer countNothing()'),
        'Missing return statement required return type: Integer'
      )
    );
  });

  it('it_should_say_what_to_install_when_java_is_missing', () => {
    expect(missingJava({ ...process.env, PATH: '/nonexistent' })).toBe(
      '`java` is not on the PATH: install a JDK 17+ (Debian: apt-get install openjdk-17-jdk-headless)'
    );
  });
});
