import { LightningElement, api } from 'lwc';
import tabs from 'baton:apptabs';
import { strings } from '../../strings';

/**
 * A custom tab of the Baton app, laid out from its shipped AppPage FlexiPage (its `main`
 * region), as Lightning renders a custom tab's Lightning page.
 */
export default class AppPage extends LightningElement {
  /** The CustomTab's API name, as in `/lightning/n/<name>`. */
  @api tabName = '';
  text = strings();

  private get tab() {
    const tab = tabs.find((t) => t.name === this.tabName);
    return tab?.kind === 'custom' ? tab : undefined;
  }

  get main() {
    return (this.tab?.regions.main ?? [])
      .filter((item) => item.ctor)
      .map((item, index) => ({
        key: `${this.tabName}-main-${index}-${item.name}`,
        ctor: item.ctor
      }));
  }

  get missing(): string[] {
    return this.tab?.missing ?? [];
  }
}
