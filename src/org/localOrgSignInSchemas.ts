import { z } from 'zod';

/** What the local org's sign-in routes answer: the contract `baton org login` and `status` read. */
export const loginResultSchema = z.object({
  username: z.string(),
  userId: z.string(),
  instanceUrl: z.string(),
  accessToken: z.string(),
  loginUrl: z.string()
});

export const statusSchema = z.object({
  ready: z.boolean(),
  instanceUrl: z.string(),
  port: z.number(),
  dataDir: z.string(),
  alias: z.string().nullable(),
  users: z.array(
    z.object({ username: z.string(), userId: z.string(), name: z.string(), persona: z.string() })
  )
});
