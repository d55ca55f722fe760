import { join } from 'node:path';
import { readLabels } from '../../preview/labels';

/** Jest's stand-in for the preview build's `baton:labels` module: the same table, read once. */
export default readLabels(join(__dirname, '..', '..', '..'));
