import { LightningElement } from 'lwc';
import regions, { missing } from 'baton:apppage';
import { strings } from '../../strings';

type Item = { name: string; ctor: unknown };

/**
 * The Baton app's Portfolio tab, laid out from the shipped AppPage FlexiPage (its `main`
 * region), as Lightning renders a custom tab's Lightning page.
 */
export default class AppPage extends LightningElement {
  text = strings();

  get main() {
    return ((regions.main ?? []) as Item[])
      .filter((item) => item.ctor)
      .map((item, index) => ({ key: `main-${index}-${item.name}`, ctor: item.ctor }));
  }

  get missing(): string[] {
    return missing;
  }
}
