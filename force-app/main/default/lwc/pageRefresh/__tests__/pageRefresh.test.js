import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { loadInto, saveInto } from 'c/pageRefresh';

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

describe('saveInto', () => {
  afterEach(() => jest.clearAllMocks());

  it('puts the saved answer on the panel and refreshes the record everywhere', async () => {
    const panel = { recordId: '001000000000001AAA', actionError: new Error('earlier') };
    const saved = await saveInto(panel, 'health', async () => ({ status: 'Red' }));
    expect(saved).toBe(true);
    expect(panel).toMatchObject({
      health: { status: 'Red' },
      actionError: undefined,
      saving: false
    });
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: '001000000000001AAA' }]);
  });

  it('keeps the data and the form, and shows the error, when the save fails', async () => {
    const failure = { body: { message: 'Reason is required.' } };
    const panel = { recordId: '001000000000001AAA', cadence: { tier: 'Low' } };
    const saved = await saveInto(panel, 'cadence', () => Promise.reject(failure));
    expect(saved).toBe(false);
    expect(panel).toMatchObject({ cadence: { tier: 'Low' }, actionError: failure, saving: false });
    expect(notifyRecordUpdateAvailable).not.toHaveBeenCalled();
  });
});
