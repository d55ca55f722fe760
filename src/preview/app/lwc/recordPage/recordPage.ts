import { LightningElement, api } from 'lwc';
import regions, { missing } from 'baton:flexipage';
import { strings } from '../../strings';

type Item = { name: string; ctor: unknown };

const STANDARD: Record<string, string> = {
  'force:highlightsPanel': 'highlights',
  'forceChatter:recordFeedContainer': 'feed'
};

/**
 * The Account record page, laid out from the shipped FlexiPage (header, main, sidebar
 * regions): Baton's components render from force-app; the shell stands in for Lightning's
 * standard highlights panel and Chatter feed.
 */
export default class RecordPage extends LightningElement {
  @api recordId?: string;
  text = strings();

  private itemsOf(region: string) {
    return ((regions[region] ?? []) as Item[]).map((item, index) => ({
      key: `${region}-${index}-${item.name}`,
      ctor: item.ctor,
      isComponent: !!item.ctor,
      isHighlights: STANDARD[item.name] === 'highlights',
      isFeed: STANDARD[item.name] === 'feed'
    }));
  }

  get header() {
    return this.itemsOf('header');
  }

  get main() {
    return this.itemsOf('main');
  }

  get sidebar() {
    return this.itemsOf('sidebar');
  }

  get missing(): string[] {
    return missing;
  }
}
