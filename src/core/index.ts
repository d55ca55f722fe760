/**
 * The core's public API. Everything pure comes from ./pure (also what c/batonCore bundles);
 * loadProjectModel reads files, so it is Node only and kept out of the bundle.
 */
export * from './pure';
export { loadProjectModel, PROJECT_MODEL_DIR } from './config/loadFiles';
