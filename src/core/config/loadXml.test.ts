import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BatonError } from '../errors';
import { PROJECT_MODEL_DIR, loadProjectModel } from '../../metadata/projectModel';
import { loadModelFromXml, recordsFromXml, type MetadataFile } from './loadXml';
import { parseModelRecords } from './model';

const projectFiles = (): MetadataFile[] =>
  readdirSync(PROJECT_MODEL_DIR).map((name) => ({
    name,
    xml: readFileSync(join(PROJECT_MODEL_DIR, name), 'utf8')
  }));

/** The project's records with one field of one record replaced (null: field removed). */
function withValue(file: string, field: string, value: string | null): MetadataFile[] {
  return projectFiles().map((entry) => {
    if (entry.name !== file) return entry;
    const pattern = new RegExp(`<values>\\s*<field>${field}</field>[\\s\\S]*?</values>`);
    const replacement =
      value === null
        ? ''
        : `<values><field>${field}</field><value xsi:type="xsd:${/^-?[\d.]+$/.test(value) ? 'double' : 'string'}">${value}</value></values>`;
    const xml = pattern.test(entry.xml)
      ? entry.xml.replace(pattern, replacement)
      : entry.xml.replace('</CustomMetadata>', `${replacement}</CustomMetadata>`);
    return { ...entry, xml };
  });
}

function errorOf(files: MetadataFile[]): BatonError {
  try {
    loadModelFromXml(files);
  } catch (error) {
    return error as BatonError;
  }
  throw new Error('expected the model to be rejected');
}

describe('custom metadata model', () => {
  it('loads every default the model ships from the project records', () => {
    const model = loadProjectModel();
    expect(model.measures.map((measure) => [measure.kind, measure.weight])).toEqual([
      ['licenseUtilisation', 20],
      ['activityTrend', 15],
      ['timeToFirstValue', 10],
      ['nps', 15],
      ['csat', 10],
      ['ces', 5],
      ['cadence', 10],
      ['support', 10],
      ['billing', 5],
      ['sentiment', 10]
    ]);
    expect(model.bands).toEqual([
      { status: 'Green', min: 70, max: 100 },
      { status: 'Yellow', min: 40, max: 69 },
      { status: 'Red', min: 0, max: 39 }
    ]);
    expect(model.minCoverage).toBe(0.5);
    expect(model.trend).toEqual({ days: 28, up: 5, down: -5 });
    expect(model.quadrantSplit).toBe(60);
    expect(model.overrideDays).toBe(30);
    expect(model.cadence.High.meetingIntervalDays).toBe(90);
    expect(model.cadence.Low.meetingIntervalDays).toBe(365);
    expect(model.cadence.Tech.meetingIntervalDays).toBeNull();
    expect(model.measures.find((m) => m.kind === 'cadence')?.excludedTiers).toEqual(['Tech']);
    expect(model.measures.find((m) => m.kind === 'support')?.steps).toEqual([
      { at: 0, score: 100 },
      { at: 1, score: 60 },
      { at: 2, score: 30 },
      { at: 3, score: 0 }
    ]);
    expect(model.handoverRequirements.filter((r) => r.tiers.includes('Tech'))).toHaveLength(6);
    expect(model.handoverRequirements.filter((r) => r.tiers.includes('High'))).toHaveLength(12);
  });

  it('reads the org row shape the same as the XML files', () => {
    const records = recordsFromXml(projectFiles());
    expect(parseModelRecords(JSON.parse(JSON.stringify(records)))).toEqual(loadProjectModel());
  });

  it('rejects a negative weight, naming the record and the field', () => {
    const error = errorOf(withValue('Health_Measure.NPS.md-meta.xml', 'Weight__c', '-1'));
    expect(error).toBeInstanceOf(BatonError);
    expect(error.field).toBe('Health_Measure__mdt.NPS.Weight__c');
    expect(error.message).toBe('Health_Measure__mdt.NPS: Weight__c: must be zero or more (got -1)');
  });

  it('rejects an unknown measure kind', () => {
    const error = errorOf(withValue('Health_Measure.CES.md-meta.xml', 'Kind__c', 'mood'));
    expect(error.field).toBe('Health_Measure__mdt.CES.Kind__c');
    expect(error.message).toMatch(/^Health_Measure__mdt\.CES: Kind__c: .*got "mood"/);
  });

  it('rejects overlapping bands, naming the band that overlaps', () => {
    const error = errorOf(withValue('Health_Band.Yellow.md-meta.xml', 'Max_Value__c', '70'));
    expect(error.field).toBe('Health_Band__mdt.Yellow.Max_Value__c');
    expect(error.message).toContain('overlaps band Green');
  });

  it('rejects a linear measure without anchors and a step measure with bad steps', () => {
    expect(errorOf(withValue('Health_Measure.CSAT.md-meta.xml', 'Zero_At__c', null)).field).toBe(
      'Health_Measure__mdt.CSAT.Zero_At__c'
    );
    expect(
      errorOf(withValue('Health_Measure.Billing.md-meta.xml', 'Steps__c', '0:100,2:0,1:40')).field
    ).toBe('Health_Measure__mdt.Billing.Steps__c');
  });

  it('needs a fallback tier rule and one cadence per tier', () => {
    const noFallback = projectFiles().filter(
      (f) => !f.name.startsWith('Touch_Tier_Rule.Everything')
    );
    expect(errorOf(noFallback).message).toContain('fallback');
    const noTech = projectFiles().filter((f) => f.name !== 'Tier_Cadence.Tech.md-meta.xml');
    expect(errorOf(noTech).field).toBe('Tier_Cadence__mdt.Tech.Tier__c');
  });
});
