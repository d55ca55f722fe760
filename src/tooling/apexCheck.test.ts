import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkProject, type Problem } from './metadataCheck';

// Each case builds and converts a copy of the whole package (PMD starts a JVM); on a busy
// 2-core CI machine that takes well over jest's default 5 s.
jest.setTimeout(60_000);

const META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>62.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

/** Apex in the house style (STYLE.md): must come through clean, or the check is useless. */
const GOOD = `public with sharing class GoodSelector {
    public static List<Account> byName(String name) {
        return [SELECT Id, Name FROM Account WHERE Name = :name WITH USER_MODE];
    }
    public static void save(List<Account> accounts) {
        Database.update(accounts, AccessLevel.USER_MODE);
    }
}
`;

const FIXTURES: Record<string, string> = {
  GoodSelector: GOOD,
  SyntaxError: 'public with sharing class SyntaxError {\n    public void broken( {\n    }\n}\n',
  Injection: `public with sharing class Injection {
    public static List<Account> find(String name) {
        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');
    }
}
`,
  // PMD flags a missing sharing keyword only where the class touches data.
  NoSharing: `public class NoSharing {
    public static Integer count() {
        return [SELECT COUNT() FROM Account WITH USER_MODE];
    }
}
`,
  WithoutSharing:
    'public without sharing class WithoutSharing {\n    public Integer one() {\n        return 1;\n    }\n}\n',
  NoCrud: `public with sharing class NoCrud {
    public static List<Contact> all() {
        return [SELECT Id, Email FROM Contact];
    }
}
`
};

describe('Apex checks (prettier-plugin-apex parse + PMD security rules)', () => {
  let dir: string;
  let problems: Problem[];

  // One project, one PMD run (~3 s) for all fixtures; each test reads its own class's problems.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-apex-'));
    const classes = join(dir, 'force-app', 'main', 'default', 'classes');
    const triggers = join(dir, 'force-app', 'main', 'default', 'triggers');
    mkdirSync(classes, { recursive: true });
    mkdirSync(triggers, { recursive: true });
    writeFileSync(
      join(dir, 'sfdx-project.json'),
      JSON.stringify({ packageDirectories: [{ path: 'force-app' }], sourceApiVersion: '62.0' })
    );
    for (const [name, source] of Object.entries(FIXTURES)) {
      writeFileSync(join(classes, `${name}.cls`), source);
      writeFileSync(join(classes, `${name}.cls-meta.xml`), META);
    }
    writeFileSync(
      join(triggers, 'AccountTrigger.trigger'),
      'trigger AccountTrigger on Account(before update) {\n    GoodSelector.save(Trigger.new);\n}\n'
    );
    writeFileSync(
      join(triggers, 'AccountTrigger.trigger-meta.xml'),
      META.replace(/ApexClass/g, 'ApexTrigger')
    );
    problems = await checkProject(dir);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const of = (file: string) =>
    problems.filter((p) => p.file.endsWith(`/${file}`)).map((p) => `${p.check}: ${p.message}`);

  it('it_should_pass_a_class_and_trigger_written_in_the_house_style', () => {
    expect(of('GoodSelector.cls')).toEqual([]);
    expect(of('AccountTrigger.trigger')).toEqual([]);
  });

  it('it_should_fail_apex_that_does_not_parse_in_prettier_and_in_pmd', () => {
    expect(of('SyntaxError.cls')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^apex-parse: does not parse:/),
        expect.stringMatching(/^apex-parse: PMD: .*SyntaxError\.cls/)
      ])
    );
  });

  it('it_should_fail_soql_built_from_strings', () => {
    expect(of('Injection.cls')).toEqual([
      expect.stringMatching(/^apex-pmd: line 3: ApexSOQLInjection/)
    ]);
  });

  it('it_should_fail_a_class_without_a_sharing_declaration', () => {
    expect(of('NoSharing.cls')).toEqual([
      expect.stringMatching(/^apex-pmd: line 1: ApexSharingViolations/)
    ]);
  });

  it('it_should_fail_a_class_declared_without_sharing', () => {
    expect(of('WithoutSharing.cls')).toEqual([expect.stringMatching(/^apex-sharing: declares/)]);
  });

  it('it_should_fail_a_query_that_ignores_crud_and_fls', () => {
    expect(of('NoCrud.cls')).toEqual([
      expect.stringMatching(/^apex-pmd: line 3: ApexCRUDViolation/)
    ]);
  });
});
