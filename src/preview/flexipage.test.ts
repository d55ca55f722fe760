import { PROJECT_DIR } from './build';
import { flexiPageModule, readAccountPage } from './flexipage';

describe('Account record page', () => {
  it('places the highlights panel, the handover and Chatter in main, health and tier in the sidebar', () => {
    const regions = readAccountPage(PROJECT_DIR);
    expect(regions.header).toEqual(['force:highlightsPanel']);
    expect(regions.main).toEqual(['handoverPanel', 'forceChatter:recordFeedContainer']);
    expect(regions.sidebar).toEqual(['accountHealthPanel', 'tierCadenceCard']);
  });

  it('imports the project components and lists those not in the tree as missing', () => {
    const source = flexiPageModule(
      { main: ['handoverPanel', 'forceChatter:recordFeedContainer'], sidebar: ['tierCard'] },
      new Set(['handoverPanel'])
    );
    expect(source).toContain("import C0 from 'c/handoverPanel';");
    expect(source).toContain('export const missing = ["tierCard"]');
    expect(source).toContain('"main": [{ name: "handoverPanel", ctor: C0 }');
    expect(source).not.toContain('c/tierCard');
  });
});
