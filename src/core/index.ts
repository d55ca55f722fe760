/**
 * The core's public API. Everything pure comes from ./pure (also what c/batonCore bundles).
 * The XML record loader is pure too but stays out of the bundle (components get records in
 * the org's row shape). Reading the project's files is src/metadata's job, not the core's.
 */
export * from './pure';
export { loadModelFromXml, recordsFromXml, type MetadataFile } from './config/loadXml';
