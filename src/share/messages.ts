/**
 * The i18n keys (namespace `rules`) of share-link errors and warnings. Kept apart from the codec so that the page
 * can show a link's notice without loading the codec (and with it the engine's rules for every city).
 */
import type { ShareErrorCode, ShareWarning } from './codec';

/** i18n keys (namespace `rules`) for each error; the UI shows them in an alert. */
export const shareErrorKeys = {
  empty: 'errors.share.empty',
  tooLong: 'errors.share.tooLong',
  malformed: 'errors.share.malformed',
  unknownCity: 'errors.share.unknownCity',
  futureVersion: 'errors.share.futureVersion',
  unsupportedVersion: 'errors.share.unsupportedVersion',
  invalidFacts: 'errors.share.invalidFacts',
} as const satisfies Record<ShareErrorCode, string>;

/** i18n keys (namespace `rules`) for each warning; parameters are the warning's other fields. */
export const shareWarningKeys = {
  ignoredParameter: 'share.warning.ignoredParameter',
  duplicateParameter: 'share.warning.duplicateParameter',
  packChanged: 'share.warning.packChanged',
} as const satisfies Record<ShareWarning['code'], string>;
