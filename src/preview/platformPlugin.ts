import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import type { Plugin } from 'rollup';
import { loadLocalised, resolveLocalised } from './i18nModules';
import type { LabelTable, PicklistTable } from './labels';

const PLATFORM_DIR = join(__dirname, 'platform');
const VIRTUAL = '\0baton:';

/**
 * Platform modules whose real implementations live in Salesforce: each resolves to a local
 * module of the same API talking to the local org. lightning/combobox is replaced because the
 * base component needs attachInternals, which synthetic shadow does not support.
 */
const PLATFORM_MODULES: Record<string, string> = {
  'lightning/uiRecordApi': 'uiRecordApi.ts',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.ts',
  'lightning/navigation': 'navigation.ts',
  'lightning/platformShowToastEvent': 'toast.ts',
  'lightning/refresh': 'refresh.ts',
  '@salesforce/apex': 'apex.ts'
};

const platformFile = (file: string) => join(PLATFORM_DIR, file).replace(/\\/g, '/');

/** Generated modules for the `@salesforce/<kind>/<name>` imports of project components. */
function virtualModule(id: string, labels: LabelTable): string | undefined {
  const [, kind, name] =
    /^@salesforce\/(apex|schema|label|user|resourceUrl|customPermission|userPermission)\/(.+)$/.exec(
      id
    ) ?? [];
  if (!kind || !name) return undefined;
  switch (kind) {
    case 'apex': {
      const [className, method] = name.split('.');
      return `import { apexMethod } from '${platformFile('apex.ts')}';\nexport default apexMethod(${JSON.stringify(className)}, ${JSON.stringify(method)});`;
    }
    case 'schema': {
      const [objectApiName, ...field] = name.split('.');
      const value = field.length
        ? { objectApiName, fieldApiName: field.join('.') }
        : { objectApiName };
      return `export default ${JSON.stringify(value)};`;
    }
    case 'label': {
      const labelName = name.replace(/^c\./, '');
      const known = labels.en[labelName] !== undefined;
      // Unknown labels fail the build, as a missing label fails a deploy.
      if (!known) throw new Error(`Custom Label ${name} is not defined in force-app`);
      return `import { label } from '${platformFile('labels.ts')}';\nexport default label(${JSON.stringify(labelName)});`;
    }
    case 'user':
      return `import { currentUser } from '${platformFile('session.ts')}';\nexport default currentUser(${JSON.stringify(name)});`;
    case 'resourceUrl':
      return `export default ${JSON.stringify(`/preview/resource/${name}`)};`;
    default:
      // Permissions: the local org enforces access in its Apex twins, so the UI shows everything.
      return 'export default true;';
  }
}

/** Component aliases `c/<name>` for force-app's flat lwc folder, and `preview/<name>` for the shell. */
export function componentAliases(dir: string, namespace: string): { name: string; path: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const base = join(dir, entry.name, entry.name);
      const file = ['.ts', '.js'].map((ext) => base + ext).find((path) => existsSync(path));
      return file ? [{ name: `${namespace}/${entry.name}`, path: file }] : [];
    });
}

/** Resolves platform modules to local ones; must run before @lwc/rollup-plugin. */
export function platformPlugin(
  labels: LabelTable,
  pages: { flexipage: string; apptabs: string },
  picklists: PicklistTable = {}
): Plugin {
  return {
    name: 'baton-platform',
    resolveId(source) {
      const localised = resolveLocalised(source);
      if (localised) return localised;
      if (PLATFORM_MODULES[source]) return platformFile(PLATFORM_MODULES[source]);
      if (source === 'lightning/combobox') return platformFile('lwc/combobox/combobox.ts');
      if (['baton:labels', 'baton:picklists', 'baton:flexipage', 'baton:apptabs'].includes(source))
        return `\0${source}`;
      const ours = /^@salesforce\/(apex|schema|user|resourceUrl|customPermission|userPermission)\//;
      // Only `c.` labels: base components resolve their own labels from their scopedImports.
      if (ours.test(source) || source.startsWith('@salesforce/label/c.')) {
        return `${VIRTUAL}${source}`;
      }
      return null;
    },
    load(id) {
      const localised = loadLocalised(id);
      if (localised !== null) return localised;
      if (id === '\0baton:labels') return `export default ${JSON.stringify(labels)};`;
      if (id === '\0baton:picklists') return `export default ${JSON.stringify(picklists)};`;
      if (id === '\0baton:flexipage') return pages.flexipage;
      if (id === '\0baton:apptabs') return pages.apptabs;
      if (!id.startsWith(VIRTUAL)) return null;
      const source = id.slice(VIRTUAL.length);
      return virtualModule(source, labels) ?? null;
    }
  };
}

/** Strips TypeScript from the preview's own modules; decorators stay for the LWC compiler. */
export function typescriptPlugin(): Plugin {
  return {
    name: 'baton-typescript',
    async transform(code, id) {
      if (!id.split('?')[0].endsWith('.ts')) return null;
      const result = await transform(code, { loader: 'ts', target: 'esnext', sourcefile: id });
      return { code: result.code, map: null };
    }
  };
}
