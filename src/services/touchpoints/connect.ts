import type { Connection } from 'jsforce';

/**
 * Opens the org a command runs against: `connectToOrg` (src/org/connection.ts) by default,
 * the local org without --target-org; tests pass their own.
 */
export type Connect = (targetOrg?: string) => Promise<Connection>;
