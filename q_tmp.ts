import { corpus } from './test/core/helpers';
import { checkDraft } from './server/src/core/check';
