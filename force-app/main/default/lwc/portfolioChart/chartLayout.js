// Where each bubble goes: potential 1–5 across, current value 1–5 up, radius by √ARR (area
// proportional to revenue), colour by the health status shown. Pure, so it is tested alone.
export const WIDTH = 640;
export const HEIGHT = 380;
export const MARGIN = { left: 48, right: 24, top: 32, bottom: 40 };
const MIN_RADIUS = 4;
const MAX_RADIUS = 22;

// SLDS palette tokens' values: success, warning, error, and a neutral grey for the rest.
export const STATUS_COLOURS = { Green: '#2e844a', Yellow: '#dd7a01', Red: '#ba0516' };
const NEUTRAL = '#747474';

const x = (potential) => MARGIN.left + ((potential - 1) / 4) * (WIDTH - MARGIN.left - MARGIN.right);
const y = (value) =>
  HEIGHT - MARGIN.bottom - ((value - 1) / 4) * (HEIGHT - MARGIN.top - MARGIN.bottom);

/** A small, stable offset from the Id, so accounts on the same grid point stay apart. */
function jitter(id, span) {
  let hash = 0;
  for (const char of String(id)) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return ((Math.abs(hash) % 1000) / 1000 - 0.5) * span;
}

/** Bubbles for the accounts that have a value and a potential, largest first (drawn first). */
export function bubbles(accounts) {
  const plotted = (accounts ?? []).filter(
    (account) => account.value !== null && account.value !== undefined && account.potential
  );
  const maxArr = Math.max(1, ...plotted.map((account) => account.arr || 0));
  return plotted
    .map((account) => ({
      account,
      cx: Math.round((x(account.potential) + jitter(account.id, 28)) * 10) / 10,
      cy: Math.round((y(account.value) + jitter(`${account.id}y`, 16)) * 10) / 10,
      r:
        Math.round(
          (MIN_RADIUS + Math.sqrt((account.arr || 0) / maxArr) * (MAX_RADIUS - MIN_RADIUS)) * 10
        ) / 10,
      colour: STATUS_COLOURS[account.status] ?? NEUTRAL
    }))
    .sort((a, b) => b.r - a.r);
}

/** Axis ticks 1–5 on both axes. */
export function ticks() {
  return [1, 2, 3, 4, 5].map((tick) => ({
    key: `t${tick}`,
    label: String(tick),
    x: x(tick),
    y: y(tick)
  }));
}
