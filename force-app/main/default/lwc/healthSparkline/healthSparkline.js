import { LightningElement, api } from 'lwc';

const WIDTH = 120;
const HEIGHT = 28;

/**
 * The last snapshots' scores as a small line, oldest on the left. The scores are also given
 * as text (assistiveText) because a line alone says nothing to a screen reader.
 */
export default class HealthSparkline extends LightningElement {
  /** Scores 0–100, oldest first. */
  @api scores = [];
  /** Text alternative listing the scores, already translated. */
  @api assistiveText;

  get hasLine() {
    return (this.scores || []).length >= 2;
  }

  get viewBox() {
    return `0 0 ${WIDTH} ${HEIGHT}`;
  }

  /** Fixed 0–100 scale so a small wobble does not look like a collapse. */
  get points() {
    const scores = this.scores || [];
    const step = scores.length > 1 ? WIDTH / (scores.length - 1) : 0;
    return scores
      .map((score, index) => {
        const x = Math.round(index * step * 10) / 10;
        const y = Math.round((HEIGHT - 2 - (score / 100) * (HEIGHT - 4)) * 10) / 10;
        return `${x},${y}`;
      })
      .join(' ');
  }
}
