// Which feed links the preview renders as links. Stored feeds may hold anything an older org,
// a data load or another tool wrote, so the renderer keeps its own rule, whatever the org's.

const RECORD_ID = /^[a-zA-Z0-9]{15,18}$/;

/** A record page of this app, or undefined for an id that is not one. */
export function recordHref(id: string | undefined): string | undefined {
  return id && RECORD_ID.test(id) ? `/lightning/r/${id}/view` : undefined;
}

/**
 * The href a link may have: an absolute http(s) URL or a record page; undefined for anything
 * else (`javascript:`, `data:`, a scheme hidden behind spaces), which then renders as text.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const web = /^https?:\/\/\S+$/i.test(url);
  const record = /^\/lightning\/r\/(?:\w+\/)?[a-zA-Z0-9]{15,18}\/view$/.test(url);
  return web || record ? url : undefined;
}
