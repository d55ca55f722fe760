import { LightningElement, api } from 'lwc';

const WIDTH = 160;
const HEIGHT = 32;
// The line's band; the strip below it carries the month ticks of the time axis.
const LINE_TOP = 2;
const LINE_BOTTOM = 26;
const DAY_MS = 86400000;

const dayNumber = (isoDay) => Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS;
const round1 = (value) => Math.round(value * 10) / 10;

/**
 * The score over time as a small step line: x is the date, so a month of silence takes a
 * month of width. A snapshot is written only when the score changed (or as a heartbeat), and
 * old history keeps one a month, so each score holds until the next one, and the last until
 * `to` (today): drawn as steps, not as slopes between points that never were.
 * The scores are also given as text (assistiveText), since a line alone says nothing to a
 * screen reader.
 */
export default class HealthSparkline extends LightningElement {
  /** [{ day: 'YYYY-MM-DD', score: 0–100 or null }], oldest first; null breaks the line. */
  @api points = [];
  /** First day of the time axis (YYYY-MM-DD); the first point's day when not given. */
  @api from;
  /** Last day of the time axis (YYYY-MM-DD): today, up to which the last score holds. */
  @api to;
  /** Text alternative listing the scores with their dates, already translated. */
  @api assistiveText;

  get hasLine() {
    return (this.points || []).filter((point) => point.score !== null).length >= 1 && this.span > 0;
  }

  get viewBox() {
    return `0 0 ${WIDTH} ${HEIGHT}`;
  }

  get start() {
    const points = this.points || [];
    return dayNumber(this.from || (points[0] && points[0].day));
  }

  get end() {
    const points = this.points || [];
    return dayNumber(this.to || (points.length && points[points.length - 1].day));
  }

  get span() {
    return this.end - this.start;
  }

  x(day) {
    const clamped = Math.min(Math.max(day, this.start), this.end);
    return round1(((clamped - this.start) / this.span) * WIDTH);
  }

  /** Fixed 0–100 scale so a small wobble does not look like a collapse. */
  y(score) {
    return round1(LINE_BOTTOM - (score / 100) * (LINE_BOTTOM - LINE_TOP));
  }

  /** Steps: each score runs flat to the next point's day, then the line rises or falls. */
  get path() {
    const points = this.points || [];
    const commands = [];
    points.forEach((point, index) => {
      if (point.score === null || point.score === undefined) {
        return;
      }
      const next = points[index + 1];
      const endDay = next ? dayNumber(next.day) : this.end;
      const y = this.y(point.score);
      const previous = points[index - 1];
      const joined = previous && previous.score !== null && previous.score !== undefined;
      commands.push(`${joined ? 'L' : 'M'}${this.x(dayNumber(point.day))},${y}`);
      commands.push(`L${this.x(endDay)},${y}`);
    });
    return commands.join(' ');
  }

  /** A tick at the first of each month, so the reader sees how long each stretch lasted. */
  get ticks() {
    const ticks = [];
    const first = new Date(this.start * DAY_MS);
    let month = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1) / DAY_MS;
    while (month <= this.end) {
      const x = this.x(month);
      ticks.push({ key: String(month), path: `M${x},${HEIGHT - 4} L${x},${HEIGHT}` });
      const date = new Date(month * DAY_MS);
      month = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
    }
    return ticks;
  }

  get axis() {
    return `M0,${HEIGHT - 0.5} L${WIDTH},${HEIGHT - 0.5}`;
  }
}
