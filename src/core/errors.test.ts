import { z } from 'zod';
import { UserInputError, zodInputError } from './errors';

const issueOf = (schema: z.ZodTypeAny, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a zod failure');
  return parsed.error;
};

describe('zodInputError', () => {
  const record = z.object({ account: z.object({ id: z.string() }) });

  it('names the place of the first issue, joined with dots, after the prefix', () => {
    const error = zodInputError(issueOf(record, { account: { id: 7 } }), { prefix: 'a.json: ' });
    expect(error).toBeInstanceOf(UserInputError);
    expect(error.message).toBe('a.json: account.id: Expected string, received number');
    expect(error.field).toBe('account.id');
  });

  it('says (root), or the given root, when the issue is the whole value', () => {
    expect(zodInputError(issueOf(record, 3)).message).toBe(
      '(root): Expected object, received number'
    );
    expect(zodInputError(issueOf(record, 3), { root: 'params' }).field).toBe('params');
  });

  it('leaves the place out when the root is empty, and takes a field and a wording', () => {
    const error = zodInputError(issueOf(z.string().min(2), 'x'), {
      prefix: '--accounts: "x" ',
      root: '',
      field: 'accounts'
    });
    expect([error.message, error.field]).toEqual([
      '--accounts: "x" String must contain at least 2 character(s)',
      'accounts'
    ]);
    const flag = zodInputError(issueOf(z.object({ asOf: z.string() }), { asOf: 1 }), {
      prefix: '--',
      place: (path) => String(path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    });
    expect(flag.message).toBe('--as-of: Expected string, received number');
  });
});
