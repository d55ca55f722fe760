import { join } from 'node:path';
import { readPicklistTranslations } from '../../preview/labels';

/** Jest's stand-in for the preview build's `baton:picklists` module: the same table. */
export default readPicklistTranslations(join(__dirname, '..', '..', '..'));
