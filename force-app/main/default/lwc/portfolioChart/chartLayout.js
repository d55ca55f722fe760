// Where each bubble goes: potential 1–5 across, current value 1–5 up, radius by √ARR (area
// proportional to revenue), colour by the health status shown. Pure, so it is tested alone.
export const WIDTH = 640;
export const HEIGHT = 380;
export const MARGIN = { left: 48, right: 24, top: 32, bottom: 40 };
const MIN_RADIUS = 4;
export const MAX_RADIUS = 22;
const JITTER_X = 28;
const JITTER_Y = 16;
// The scale starts and ends this far inside the axes, so the largest bubble at 1 or 5, pushed
// out by its jitter, still stays within the plot.
const PAD_X = MAX_RADIUS + JITTER_X / 2;
const PAD_Y = MAX_RADIUS + JITTER_Y / 2;

// SLDS palette tokens' values: success, warning, error, and a neutral grey for the rest.
export const STATUS_COLOURS = { Green: '#2e844a', Yellow: '#dd7a01', Red: '#ba0516' };
const NEUTRAL = '#747474';

const x = (potential) =>
  MARGIN.left + PAD_X + ((potential - 1) / 4) * (WIDTH - MARGIN.left - MARGIN.right - 2 * PAD_X);
const y = (value) =>
  HEIGHT -
  MARGIN.bottom -
  PAD_Y -
  ((value - 1) / 4) * (HEIGHT - MARGIN.top - MARGIN.bottom - 2 * PAD_Y);

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
      cx: Math.round((x(account.potential) + jitter(account.id, JITTER_X)) * 10) / 10,
      cy: Math.round((y(account.value) + jitter(`${account.id}y`, JITTER_Y)) * 10) / 10,
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

/**
 * Where each arrow key goes from each bubble, as they sit: up and down within a potential's
 * column by value, left and right to the bubble nearest in value in the next column that has
 * any; first and last (Home, End) read by potential, then from the top.
 */
export function keyMoves(points) {
  const byPotential = new Map();
  for (const point of points) {
    const column = byPotential.get(point.account.potential) ?? [];
    column.push(point);
    byPotential.set(point.account.potential, column);
  }
  const columns = [...byPotential.keys()]
    .sort((a, b) => a - b)
    .map((potential) => byPotential.get(potential).sort((a, b) => a.cy - b.cy || a.cx - b.cx));
  const nearest = (column, point) => {
    if (!column) return undefined;
    const gap = (other) => Math.abs(other.cy - point.cy);
    return column.reduce((best, other) => (gap(other) < gap(best) ? other : best)).id;
  };
  const moves = {};
  columns.forEach((column, c) =>
    column.forEach((point, row) => {
      moves[point.id] = {
        ArrowUp: column[row - 1]?.id,
        ArrowDown: column[row + 1]?.id,
        ArrowLeft: nearest(columns[c - 1], point),
        ArrowRight: nearest(columns[c + 1], point)
      };
    })
  );
  const reading = columns.flat();
  return { moves, first: reading[0]?.id, last: reading[reading.length - 1]?.id };
}
