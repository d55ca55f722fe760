import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OrgUser, SignIn, TabVisibility } from '../localorg/host';
import { buildPreview, PROJECT_DIR, type PreviewBuild } from './build';
import { accountOfRecord, type RecordReader } from './recordPages';
import { previewHandler, type PreviewPersona } from './server';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Who may open which tab: the org's permission sets (undefined access: the admin, unrestricted). */
interface TabAccess {
  access: {
    forUser(user: OrgUser): { tabVisibility(tab: string): TabVisibility } | undefined;
  };
}

/** What the preview needs from the local org it is served by. */
export interface PreviewHost {
  /** Base URL, e.g. http://127.0.0.1:6101 */
  url: string;
  mount(prefix: string, handler: Handler): void;
  personas(): PreviewPersona[];
  signIn: SignIn;
  /**
   * The org's records, to open a linked handover, post or deal on its Account's page and to
   * read the user's language, its objects by key prefix, and its access rules.
   */
  core: RecordReader &
    TabAccess & { schema: { byPrefix(id: string): { name: string } | undefined } };
}

/** Paths the preview serves on the org's server. */
export const PREVIEW_PREFIXES = ['/preview/', '/assets/', '/lightning/'];

export interface AttachedPreview {
  build: PreviewBuild;
  /** A link that signs a browser in as `persona` (default seller) until the org restarts. */
  loginUrl(persona?: string): string;
}

/**
 * Builds the preview if its inputs changed and serves it from the local org's server:
 * the shell at `/`, `/lightning/...`, plus its assets and the persona switch.
 */
export async function attachPreview(
  host: PreviewHost,
  options: { projectDir?: string; build?: PreviewBuild } = {}
): Promise<AttachedPreview> {
  const projectDir = options.projectDir ?? PROJECT_DIR;
  const build = options.build ?? (await buildPreview({ projectDir }));
  const handler = previewHandler({
    projectDir,
    buildDir: () => build.dir,
    buildHash: () => build.hash,
    personas: () => host.personas(),
    signIn: host.signIn,
    // The id's key prefix names its object, as in an org, whatever object the link says.
    accountOfRecord: (objectApiName, recordId) =>
      accountOfRecord(
        host.core,
        host.core.schema.byPrefix(recordId)?.name ?? objectApiName ?? '',
        recordId
      ),
    userLocale: (user) => {
      try {
        const record = host.core.retrieve('User', user.id, ['LanguageLocaleKey', 'LocaleSidKey']);
        return {
          language: record.LanguageLocaleKey as string | null,
          locale: record.LocaleSidKey as string | null
        };
      } catch {
        // A user the org no longer has keeps the org's default, English.
        return {};
      }
    },
    tabVisibility: (user, tab) => host.core.access.forUser(user)?.tabVisibility(tab) ?? 'Visible'
  });
  for (const prefix of [...PREVIEW_PREFIXES, '/']) host.mount(prefix, handler);
  return {
    build,
    loginUrl(persona = 'seller') {
      const user = host.signIn.findUser(persona);
      if (!user) throw new Error(`The local org has no ${persona} to sign in as.`);
      return host.url + host.signIn.loginPath(user);
    }
  };
}
