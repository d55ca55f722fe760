import appTabs from 'baton:apptabs';
import type { PageReference } from '../platform/navigation';
import { session, tabVisibility } from '../platform/session';
import { strings } from './strings';

/** A tab of the navigation bar: where it leads and whether the current page is its own. */
export interface NavTab {
  name: string;
  label: string;
  href: string;
  page: PageReference;
}

type CustomTab = Extract<(typeof appTabs)[number], { kind: 'custom' }>;

/** The Baton app's custom tab `name` (`/lightning/n/<name>`), if the app has it. */
export function customTab(name: string | undefined): CustomTab | undefined {
  const tab = appTabs.find((t) => t.name === name);
  return tab?.kind === 'custom' ? tab : undefined;
}

/** A custom tab's label in the user's language, as its CustomTab translation gives it. */
export const tabLabel = (tab: CustomTab) => tab.label[session().language] ?? tab.label.en;

/**
 * The app's tabs in its order that this user finds in the bar: the object lists the preview
 * renders (Accounts) and the custom tabs their permission sets make Visible, as in an org.
 */
export function navTabs(): NavTab[] {
  return appTabs.flatMap((tab): NavTab[] => {
    if (tab.kind === 'custom')
      return tabVisibility(tab.name) === 'Visible'
        ? [
            {
              name: tab.name,
              label: tabLabel(tab),
              href: `/lightning/n/${tab.name}`,
              page: { type: 'standard__navItemPage', attributes: { apiName: tab.name } }
            }
          ]
        : [];
    // Reports and dashboards have no stand-in in the preview.
    if (tab.object !== 'Account') return [];
    return [
      {
        name: tab.name,
        label: strings().accounts,
        href: '/lightning/o/Account/list',
        page: {
          type: 'standard__objectPage',
          attributes: { objectApiName: 'Account', actionName: 'list' }
        }
      }
    ];
  });
}

/** The tab a page belongs to: its custom tab, else Accounts (the list and its records). */
export const tabOfPage = (page: PageReference) =>
  page.type === 'standard__navItemPage' ? page.attributes?.apiName : 'standard-Account';
