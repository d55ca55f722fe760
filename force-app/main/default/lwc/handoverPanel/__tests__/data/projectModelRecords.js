// The project's custom metadata records in the row shape getContext sends as modelRecords
// (DeveloperName, MasterLabel and typed custom fields), read from force-app at test time so
// the panel's tests run against the very records that deploy. Mirrors src/core/config/loadXml
// (TypeScript, which the LWC Jest project does not transform).
const { readdirSync, readFileSync } = require('fs');
const { join } = require('path');
const { XMLParser } = require('fast-xml-parser');

const DIR = join(__dirname, '../../../../customMetadata');
// The types BatonModelRecords.all() sends; other metadata (portfolio, history) stays server-side.
const SENT_TYPES = [
  'Touch_Tier_Rule__mdt',
  'Health_Measure__mdt',
  'Health_Band__mdt',
  'Tier_Cadence__mdt',
  'Handover_Requirement__mdt'
];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (tag) => tag === 'values'
});

function valueOf(value) {
  if (value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (value['@xsi:nil'] === 'true') return null;
  const raw = value['#text'] ?? '';
  if (['xsd:double', 'xsd:int', 'xsd:long'].includes(value['@xsi:type'])) {
    return raw === '' ? null : Number(raw);
  }
  return value['@xsi:type'] === 'xsd:boolean' ? raw === 'true' : raw;
}

function projectModelRecords() {
  const records = {};
  for (const name of readdirSync(DIR)
    .filter((file) => file.endsWith('.md-meta.xml'))
    .sort()) {
    const [type, developerName] = name.split('.');
    if (!SENT_TYPES.includes(`${type}__mdt`)) continue;
    const root = parser.parse(readFileSync(join(DIR, name), 'utf8')).CustomMetadata;
    const row = { DeveloperName: developerName, MasterLabel: root.label };
    for (const entry of root.values || []) row[entry.field] = valueOf(entry.value);
    (records[`${type}__mdt`] = records[`${type}__mdt`] || []).push(row);
  }
  return records;
}

/** A panel context as the server returns it: the fixture plus the org's model records. */
function withModel(context, modelRecords = projectModelRecords()) {
  return { ...context, modelRecords };
}

module.exports = { projectModelRecords, withModel };
