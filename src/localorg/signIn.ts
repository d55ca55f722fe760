import { createHash, randomBytes } from 'node:crypto';
import type { OrgUser } from './router';

/** A new session id in the `00D…!…` form @salesforce/core accepts as an access token. */
export function newSessionToken(): string {
  return `00D${randomBytes(6).toString('hex').toUpperCase()}!${randomBytes(24).toString('hex')}`;
}

/** What the org stores instead of a token or a login code: a leaked database signs nobody in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The names `baton org login --user` accepts for the first demo user of each persona. */
const PERSONA_NAMES: Record<string, OrgUser['persona']> = {
  seller: 'seller',
  am: 'accountManager',
  accountmanager: 'accountManager',
  lead: 'lead',
  admin: 'admin'
};

type PersonaOf = { id: string; persona: string };

/**
 * Who a request is, and how a browser signs in, for one run of the org. Every start gives each
 * demo user a new token and a new login code (so a restart signs everyone out); both are held
 * in memory only, looked up by their hashes. A login code works until the org stops, from any
 * number of browsers, like a notebook server's token link.
 */
export class SignIn {
  private readonly byTokenHash = new Map<string, OrgUser>();
  private readonly byCodeHash = new Map<string, OrgUser>();
  private readonly codes = new Map<string, string>();

  /** Started with --demo-personas: anyone may act as any non-admin demo persona. */
  demoPersonas = false;

  constructor(private readonly users: OrgUser[]) {
    for (const user of users) {
      this.byTokenHash.set(hashToken(user.token), user);
      const code = randomBytes(16).toString('hex');
      this.codes.set(user.id, code);
      this.byCodeHash.set(hashToken(code), user);
    }
  }

  userByToken(token: string | undefined): OrgUser | undefined {
    return token ? this.byTokenHash.get(hashToken(token)) : undefined;
  }

  /** The preview path that signs `user`'s browser in. */
  loginPath(user: OrgUser): string {
    return `/?login=${this.codes.get(user.id)}`;
  }

  /** The user a login code (from a printed link) signs in, until the org stops. */
  redeem(code: string): OrgUser | undefined {
    return this.byCodeHash.get(hashToken(code));
  }

  /**
   * The one rule for acting as someone else (the preview's persona switch): never a stronger
   * token than your own. The admin may act as anyone, others only as themselves, except that
   * a demo started with --demo-personas lets anyone act as any non-admin persona.
   */
  mayActAs(signedIn: PersonaOf, target: PersonaOf): boolean {
    if (signedIn.id === target.id || signedIn.persona === 'admin') return true;
    return this.demoPersonas && target.persona !== 'admin';
  }

  /** A username (any case) or a persona name (`seller`, `am`, `lead`, `admin`). */
  findUser(who: string): OrgUser | undefined {
    const persona = PERSONA_NAMES[who.toLowerCase()];
    return this.users.find((user) =>
      persona ? user.persona === persona : user.username.toLowerCase() === who.toLowerCase()
    );
  }
}
