import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { forceAppXml } from '../core/config/forceAppXml';

/** The shipped Account record page the preview lays out, as shipped to orgs. */
export const ACCOUNT_PAGE =
  'force-app/main/default/flexipages/Baton_Account_Record_Page.flexipage-meta.xml';

const many = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(schema)
  );

const flexiPage = z.object({
  FlexiPage: z.object({
    template: z.object({ name: z.string() }),
    flexiPageRegions: many(
      z.object({
        name: z.string(),
        itemInstances: many(
          z.object({ componentInstance: z.object({ componentName: z.string() }).optional() })
        )
      })
    )
  })
});

const parse = forceAppXml();

/** The Baton app's Portfolio tab (an AppPage), as shipped to orgs. */
export const PORTFOLIO_PAGE =
  'force-app/main/default/flexipages/Baton_Portfolio.flexipage-meta.xml';

/** Component names by region (`header`, `main`, `sidebar`), in page order. */
export type PageRegions = Record<string, string[]>;

export const readAccountPage = (projectDir: string): PageRegions =>
  readPage(projectDir, ACCOUNT_PAGE);

export function readPage(projectDir: string, page: string): PageRegions {
  const path = join(projectDir, page);
  if (!existsSync(path)) return {};
  const parsed = flexiPage.parse(parse(readFileSync(path, 'utf8')));
  return Object.fromEntries(
    parsed.FlexiPage.flexiPageRegions.map((region) => [
      region.name,
      region.itemInstances.flatMap((item) =>
        item.componentInstance ? [item.componentInstance.componentName] : []
      )
    ])
  );
}

/**
 * Source of the `baton:flexipage` module: regions with the constructors of the project's
 * components (which the preview renders dynamically) and the names of standard components
 * the shell stands in for (highlights panel, Chatter feed).
 */
export function flexiPageModule(regions: PageRegions, available: Set<string>): string {
  const custom = [...new Set(Object.values(regions).flat())].filter((name) => !name.includes(':'));
  const missing = custom.filter((name) => !available.has(name));
  const present = custom.filter((name) => available.has(name));
  const imports = present.map((name, index) => `import C${index} from 'c/${name}';`);
  const entries = Object.entries(regions).map(([region, names]) => {
    const items = names
      .filter((name) => !missing.includes(name))
      .map((name) =>
        name.includes(':')
          ? `{ name: ${JSON.stringify(name)}, ctor: null }`
          : `{ name: ${JSON.stringify(name)}, ctor: C${present.indexOf(name)} }`
      );
    return `${JSON.stringify(region)}: [${items.join(', ')}]`;
  });
  // Components the page places but the tree does not have yet are listed, not fatal.
  return `${imports.join('\n')}\nexport const missing = ${JSON.stringify(missing)};\nexport default { ${entries.join(', ')} };`;
}
