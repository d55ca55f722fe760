import { dirname, join } from 'node:path';

// `@salesforce/i18n/*` and the date input's `@salesforce/label/LightningDateTimePicker.*`
// answer in the session's locale (platform/i18n.ts), for project and base components alike;
// lightning-base-components' own English files stay the fallback.

const VIRTUAL = '\0baton-i18n:';
const LOCALISED = /^@salesforce\/(i18n\/.+|label\/LightningDateTimePicker\..+)$/;
const SCOPED_IMPORTS = join(
  dirname(require.resolve('lightning-base-components/package.json')),
  'scopedImports'
);
const LOCALE_MODULE = join(__dirname, 'platform', 'i18n.ts').replace(/\\/g, '/');

export function resolveLocalised(source: string): string | null {
  return LOCALISED.test(source) ? `${VIRTUAL}${source}` : null;
}

export function loadLocalised(id: string): string | null {
  if (!id.startsWith(VIRTUAL)) return null;
  const source = id.slice(VIRTUAL.length);
  const key = source.replace(/^@salesforce\/(i18n|label)\//, '');
  const english = join(SCOPED_IMPORTS, `${source.replace(/\//g, '-')}.js`).replace(/\\/g, '/');
  return [
    `import english from ${JSON.stringify(english)};`,
    `import { localeValue } from ${JSON.stringify(LOCALE_MODULE)};`,
    `export default localeValue(${JSON.stringify(key)}, english);`
  ].join('\n');
}
