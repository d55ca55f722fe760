/**
 * The emulator's host interface: what an app served on the local org's server (the preview)
 * may use. Everything else in src/localorg is the emulator's own business.
 */
export { readJson } from './requestBody';
export type { OrgUser } from './router';
export type { TabVisibility } from './permissions';
export type { SignIn } from './signIn';
export type { LocalOrg } from './server';
