import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forceAppXml } from '../core/config/forceAppXml';

const DEFAULT_DIR = 'force-app/main/default';

/** One of a Lightning app's tabs, in the app's order, as its navigation bar lists them. */
export type AppTab =
  | { kind: 'standard'; name: string; object: string }
  | {
      kind: 'custom';
      name: string;
      /** The CustomTab's label, and its translations by language ('fi'). */
      label: string;
      translations: Record<string, string>;
      /** The Lightning page (AppPage) the tab opens; absent for an object or web tab. */
      flexiPage?: string;
      /** Labels of the permission sets that make the tab Visible, narrowest first: whom to ask. */
      grantedBy: string[];
    };

const readXml = forceAppXml({ arrays: ['tabs', 'tabSettings', 'customTabs'] });

const read = (path: string) => (existsSync(path) ? readXml(readFileSync(path, 'utf8')) : {});

const filesIn = (dir: string, suffix: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(suffix)) : [];

/**
 * The tabs of the CustomApplication `app` in force-app, as an org would deploy them: a
 * `standard-<Object>` tab names the object; a custom tab carries its CustomTab file's label,
 * translations and FlexiPage. Tabs without a CustomTab file in the project are left out.
 */
export function readAppTabs(projectDir: string, app = 'Baton'): AppTab[] {
  const base = join(projectDir, DEFAULT_DIR);
  const names: string[] =
    read(join(base, 'applications', `${app}.app-meta.xml`)).CustomApplication?.tabs ?? [];
  const translations = new Map<string, Record<string, string>>();
  for (const file of filesIn(join(base, 'translations'), '.translation-meta.xml')) {
    const language = file.replace('.translation-meta.xml', '');
    for (const tab of read(join(base, 'translations', file)).Translations?.customTabs ?? [])
      translations.set(tab.name, { ...translations.get(tab.name), [language]: tab.label });
  }
  const sets = filesIn(join(base, 'permissionsets'), '.permissionset-meta.xml').map((file) => {
    const set = read(join(base, 'permissionsets', file)).PermissionSet ?? {};
    const visible: string[] = (set.tabSettings ?? [])
      .filter((setting: { visibility?: string }) => setting.visibility === 'Visible')
      .map((setting: { tab: string }) => setting.tab);
    return { label: String(set.label ?? file.replace('.permissionset-meta.xml', '')), visible };
  });
  // The narrowest set first, so a seller is told to ask for the lead's set, not the admin's.
  sets.sort((a, b) => a.visible.length - b.visible.length || a.label.localeCompare(b.label));
  const grantedBy = (tab: string) =>
    sets.filter((set) => set.visible.includes(tab)).map((set) => set.label);
  return names.flatMap((name): AppTab[] => {
    if (name.startsWith('standard-'))
      return [{ kind: 'standard', name, object: name.slice('standard-'.length) }];
    const tab = read(join(base, 'tabs', `${name}.tab-meta.xml`)).CustomTab;
    if (!tab) return [];
    return [
      {
        kind: 'custom',
        name,
        label: tab.label ?? name,
        translations: translations.get(name) ?? {},
        ...(tab.flexiPage ? { flexiPage: tab.flexiPage } : {}),
        grantedBy: grantedBy(name)
      }
    ];
  });
}
