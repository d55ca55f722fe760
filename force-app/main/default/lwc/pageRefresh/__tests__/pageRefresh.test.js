import { loadInto } from 'c/pageRefresh';

describe('loadInto', () => {
  it('puts the answer on the panel and clears an earlier error', async () => {
    const panel = { error: new Error('earlier') };
    await loadInto(panel, 'health', async () => ({ score: 72 }));
    expect(panel).toEqual({ health: { score: 72 }, error: undefined });
  });

  it('keeps the old data and shows the error when the call fails', async () => {
    const failure = { body: { message: 'No access' } };
    const panel = { cadence: { tier: 'High' } };
    await loadInto(panel, 'cadence', () => Promise.reject(failure));
    expect(panel).toEqual({ cadence: { tier: 'High' }, error: failure });
  });
});
