/**
 * The core's public API. Everything pure comes from ./pure (also what c/batonCore bundles).
 * The XML record loader is pure too but stays out of the bundle (components get records in
 * the org's row shape); loadProjectModel reads files, so it is Node only.
 */
export * from './pure';
export { loadModelFromXml, recordsFromXml, type MetadataFile } from './config/loadXml';
export { loadProjectModel, PROJECT_MODEL_DIR } from './config/loadFiles';
