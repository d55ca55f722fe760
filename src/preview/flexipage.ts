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
  const { imports, missing, source } = pagesSource([regions], available);
  // Components the page places but the tree does not have yet are listed, not fatal.
  return `${imports}\nexport const missing = ${JSON.stringify(missing(regions))};\nexport default ${source[0]};`;
}

/** The app's tabs as the preview renders them (src/metadata/appTabs.ts, pages read). */
export type PreviewTab =
  | { kind: 'standard'; name: string; object: string }
  | {
      kind: 'custom';
      name: string;
      label: Record<string, string>;
      grantedBy: string[];
      regions: PageRegions;
    };

/**
 * Source of the `baton:apptabs` module: the app's tabs in order, each custom tab with its
 * FlexiPage's regions (constructors as in `baton:flexipage`) and the components it lacks.
 */
export function appTabsModule(tabs: PreviewTab[], available: Set<string>): string {
  const pages = tabs.flatMap((tab) => (tab.kind === 'custom' ? [tab.regions] : []));
  const { imports, missing, source } = pagesSource(pages, available);
  let page = 0;
  const entries = tabs.map((tab) => {
    if (tab.kind === 'standard') return JSON.stringify(tab);
    const { regions, ...rest } = tab;
    const json = JSON.stringify({ ...rest, missing: missing(regions) });
    return `{ ...${json}, regions: ${source[page++]} }`;
  });
  return `${imports}\nexport default [${entries.join(', ')}];`;
}

/** Imports each project component once across pages; standard components get no constructor. */
function pagesSource(pages: PageRegions[], available: Set<string>) {
  const custom = [...new Set(pages.flatMap((regions) => Object.values(regions).flat()))].filter(
    (name) => !name.includes(':')
  );
  const present = custom.filter((name) => available.has(name));
  const imports = present.map((name, index) => `import C${index} from 'c/${name}';`).join('\n');
  const source = pages.map((regions) => {
    const entries = Object.entries(regions).map(([region, names]) => {
      const items = names
        .filter((name) => name.includes(':') || available.has(name))
        .map((name) =>
          name.includes(':')
            ? `{ name: ${JSON.stringify(name)}, ctor: null }`
            : `{ name: ${JSON.stringify(name)}, ctor: C${present.indexOf(name)} }`
        );
      return `${JSON.stringify(region)}: [${items.join(', ')}]`;
    });
    return `{ ${entries.join(', ')} }`;
  });
  const missing = (regions: PageRegions) =>
    [...new Set(Object.values(regions).flat())].filter(
      (name) => !name.includes(':') && !available.has(name)
    );
  return { imports, missing, source };
}

/** The page a custom tab opens, by FlexiPage name. */
export const flexiPagePath = (name: string) =>
  `force-app/main/default/flexipages/${name}.flexipage-meta.xml`;
