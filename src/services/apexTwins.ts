import type { Connection } from 'jsforce';
import { ZodError, type ZodType } from 'zod';
import { zodInputError } from '../core/errors';

/**
 * What the local org passes an Apex twin: the calling user's connection (the Apex runs in
 * user mode) and the system connection, for what the Apex reads `as system`.
 */
export interface TwinContext {
  conn: Connection;
  userId: string;
  systemConn: Connection;
  /** As Apex's FeatureManagement.checkPermission, for the calling user. */
  hasCustomPermission(name: string): boolean;
}

/** The local org's Apex twin registry (src/localorg/server.ts), as the services see it. */
export interface TwinHost {
  registerApexTwin(
    className: string,
    method: string,
    handler: (ctx: TwinContext, params: unknown) => Promise<unknown>
  ): void;
}

/** A bad parameter as a message naming it, as AuraHandledException reads in the org. */
const paramError = (error: ZodError) => zodInputError(error, { root: 'params' });

/** A twin's parameters checked against its schema; a bad one throws the error naming it. */
export function parseParams<T>(schema: ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params ?? {});
  if (!result.success) throw paramError(result.error);
  return result.data;
}

/** Runs a twin whose service parses its own parameters, with the same message for a bad one. */
export async function asUserError<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ZodError) throw paramError(error);
    throw error;
  }
}
