import { LightningElement, api } from 'lwc';
import { registerRefreshHandler, unregisterRefreshHandler } from '../../../platform/refresh';
import { intlLocale } from '../../../platform/i18n';
import {
  commentOn,
  postToFeed,
  query,
  recordFeed,
  segmentsFor,
  type FeedElement,
  type Segment,
  type UserRef
} from '../../data';
import { recordHref, safeHref } from '../../links';
import { strings } from '../../strings';

const when = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleString(intlLocale(), {
        dateStyle: 'medium',
        timeStyle: 'short'
      });
};

/**
 * Mentions are highlighted like Lightning's (linked name); line breaks stay as written. A
 * link renders as one only to an http(s) URL or a record page (links.ts); otherwise as text.
 */
function pieces(segments: Segment[] | undefined, text: string | undefined, key: string) {
  const list = segments?.length ? segments : [{ type: 'Text', text: text ?? '' }];
  return list.map((segment, index) => {
    const isMention = segment.type === 'Mention';
    const name =
      segment.name ?? segment.record?.displayName ?? segment.record?.name ?? segment.text ?? '';
    const url =
      segment.type === 'Link' || segment.type === 'EntityLink'
        ? (safeHref(segment.url) ?? recordHref(segment.record?.id))
        : undefined;
    return {
      key: `${key}-${index}`,
      isMention,
      isLink: url !== undefined,
      text: isMention ? `@${name.replace(/^@/, '')}` : (segment.text ?? name),
      url
    };
  });
}

/** Stand-in for the record Chatter feed: posts with mentions, comments, and a composer. */
export default class ChatterFeed extends LightningElement {
  @api recordId?: string;
  text = strings();
  elements: FeedElement[] = [];
  users: UserRef[] = [];
  error?: unknown;
  loading = true;
  draft = '';

  private refreshId?: object;

  connectedCallback(): void {
    // A component's RefreshEvent (e.g. after a handover is accepted) reloads the feed too.
    this.refreshId = registerRefreshHandler(this, () => this.load().then(() => true));
    void this.load();
    query<UserRef>('SELECT Id, Name FROM User ORDER BY Name').then(
      (users) => (this.users = users),
      () => (this.users = [])
    );
  }

  disconnectedCallback(): void {
    if (this.refreshId) unregisterRefreshHandler(this.refreshId);
  }

  @api async refresh(): Promise<void> {
    await this.load();
  }

  async load(): Promise<void> {
    if (!this.recordId) return;
    try {
      this.elements = await recordFeed(this.recordId);
      this.error = undefined;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get posts() {
    return this.elements.map((element) => ({
      id: element.id,
      actor: element.actor?.displayName ?? element.actor?.name ?? '',
      when: when(element.createdDate),
      body: pieces(element.body?.messageSegments, element.body?.text, element.id),
      comments: (element.capabilities?.comments?.page?.items ?? []).map((comment) => ({
        id: comment.id,
        actor: comment.user?.displayName ?? comment.user?.name ?? '',
        when: when(comment.createdDate),
        body: pieces(comment.body?.messageSegments, comment.body?.text, comment.id)
      }))
    }));
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.elements.length === 0;
  }

  handleDraft(event: Event): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
  }

  async share(): Promise<void> {
    const text = this.draft.trim();
    if (!text || !this.recordId) return;
    await this.guard(() => postToFeed(this.recordId as string, segmentsFor(text, this.users)));
    this.draft = '';
    const box = this.template?.querySelector<HTMLTextAreaElement>('textarea[data-id="composer"]');
    if (box) box.value = '';
  }

  async comment(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement).dataset.id as string;
    const box = this.template?.querySelector<HTMLTextAreaElement>(`textarea[data-comment="${id}"]`);
    const text = box?.value.trim();
    if (!text || !box) return;
    await this.guard(() => commentOn(id, segmentsFor(text, this.users)));
    box.value = '';
  }

  private async guard(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
      await this.load();
    } catch (error) {
      this.error = error;
    }
  }
}
