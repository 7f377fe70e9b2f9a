import type { Translate } from '../../utils/i18n';
import { asStoreError } from '../../utils/calendar/store';

/** What the member reads when the plan could not be saved or read: a full disk, no storage here, or the error itself. */
export function storeErrorText(error: unknown, t: Translate): string {
  const { reason, message } = asStoreError(error);
  if (reason === 'disk-full') return t('popup.diskFull');
  if (reason === 'unavailable') return t('popup.storageUnavailable');
  return message;
}
