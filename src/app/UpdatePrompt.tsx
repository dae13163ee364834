/**
 * The notice that a new version is ready (Reload / Later) or that the app now works offline. It never reloads on
 * its own: the page changes only when the user presses Reload. The live region stays mounted so that screen
 * readers announce the message when it appears.
 */
import { useTranslation } from 'react-i18next';
import { applyUpdate, dismissOfflineReady, postponeUpdate, usePwaState } from './pwa';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const { needRefresh, reloading, offlineReady, formDirty } = usePwaState();
  const update = needRefresh || reloading;
  const open = update || offlineReady;
  // The update offer floats above the page (it needs an answer); "works offline" sits in the page's flow.
  const className = `pwa-notice${open ? ' pwa-notice--open' : ''}${update ? ' pwa-notice--update' : ''}`;
  return (
    <div className={className} role="status" data-testid="pwa-notice">
      {needRefresh || reloading ? (
        <>
          <p className="pwa-notice__text">{t(formDirty ? 'pwa.update.readyAnswersKept' : 'pwa.update.ready')}</p>
          <div className="pwa-notice__actions">
            <button type="button" className="secondary-button" disabled={reloading} onClick={() => void applyUpdate()}>
              {reloading ? t('pwa.update.reloading') : t('pwa.update.reload')}
            </button>
            {reloading ? null : (
              <button type="button" className="link-button" onClick={postponeUpdate}>
                {t('pwa.update.later')}
              </button>
            )}
          </div>
        </>
      ) : offlineReady ? (
        <>
          <p className="pwa-notice__text">{t('pwa.offlineReady')}</p>
          <div className="pwa-notice__actions">
            <button type="button" className="link-button" onClick={dismissOfflineReady}>
              {t('pwa.dismiss')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
