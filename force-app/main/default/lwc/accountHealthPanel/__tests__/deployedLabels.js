// The Custom Label texts as deployed (English or Finnish), read from force-app, so the panel's
// tests assert the words a user reads instead of sfdx-lwc-jest's "c.Label_Name" stand-ins.
const { readFileSync } = require('fs');
const { join } = require('path');

const DEFAULT = join(__dirname, '..', '..', '..');

const tag = (name) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`);
const unescape = (text) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function pairs(file, block, key, value) {
  const xml = readFileSync(join(DEFAULT, file), 'utf8');
  const entries = {};
  for (const match of xml.matchAll(new RegExp(tag(block).source, 'g'))) {
    entries[tag(key).exec(match[1])[1]] = unescape(tag(value).exec(match[1])[1]);
  }
  return entries;
}

/** Replaces each "c.Name" stand-in in `labels` with the label's text in `language` (en or fi). */
function inLanguage(labels, language) {
  const english = pairs('labels/CustomLabels.labels-meta.xml', 'labels', 'fullName', 'value');
  const texts =
    language === 'fi'
      ? {
          ...english,
          ...pairs('translations/fi.translation-meta.xml', 'customLabels', 'name', 'label')
        }
      : english;
  return Object.fromEntries(
    Object.entries(labels).map(([key, standIn]) => {
      const text = texts[standIn.replace(/^c\./, '')];
      if (text === undefined) throw new Error(`No label ${standIn} in force-app`);
      return [key, text];
    })
  );
}

module.exports = { inLanguage };
