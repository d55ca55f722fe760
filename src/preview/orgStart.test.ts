import { onOrgStarted, type StartedOrg } from './orgStart';

jest.setTimeout(120_000);

function fakeOrg() {
  const twins: string[] = [];
  const prefixes: string[] = [];
  const org: StartedOrg = {
    url: 'http://127.0.0.1:6101',
    mount: (prefix) => void prefixes.push(prefix),
    personas: () => [
      { key: 'seller', label: 'Seller', userId: '005S', name: 'Sam', token: 'tok-s' }
    ],
    registerApexTwin: (className, method) => void twins.push(`${className}.${method}`)
  };
  return { org, twins, prefixes };
}

describe('onOrgStarted', () => {
  it('registers the twins behind every Baton component, serves the preview, prints a login URL', async () => {
    const { org, twins, prefixes } = fakeOrg();
    const lines: string[] = [];
    const url = await onOrgStarted(org, { seeded: false, log: (line) => lines.push(line) });
    expect(twins).toEqual(
      expect.arrayContaining([
        'HandoverController.getContext',
        'HandoverController.submit',
        'HealthController.getHealth',
        'TierCadenceController.getCadence'
      ])
    );
    expect(prefixes).toEqual(expect.arrayContaining(['/', '/lightning/', '/preview/', '/assets/']));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:6101\/\?login=[0-9a-f]{32}$/);
    expect(lines.at(-1)).toContain(url);
  });

  it('recomputes health after the first seed when the service offers it', async () => {
    const { org } = fakeOrg();
    const lines: string[] = [];
    const recomputeHealth = jest.fn(async () => '12 accounts scored');
    await onOrgStarted(org, { seeded: true, log: (line) => lines.push(line), recomputeHealth });
    expect(recomputeHealth).toHaveBeenCalledTimes(1);
    expect(lines).toContain('Health: 12 accounts scored');
  });
});
