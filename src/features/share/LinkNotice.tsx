/**
 * What the page says about the link it was opened with: that the answers came from a link (and with which rule
 * pack), the link's warnings, and a way back to the user's own draft; or, for a broken link, a translated alert.
 * Either way the user's stored data is untouched.
 */
import { useTranslation } from 'react-i18next';
import type { DecodeResult } from '../../share/codec';
import { shareErrorKeys, shareWarningKeys } from '../../share/messages';

export type OpenedLink = DecodeResult;

export function LinkNotice({
  link,
  active,
  onBackToDraft,
}: {
  link: OpenedLink;
  /** Whether the form still shows the link's answers. */
  active: boolean;
  onBackToDraft: () => void;
}) {
  const { t } = useTranslation();
  if (!link.ok) {
    const { error } = link;
    return (
      <div className="notice notice--error" role="alert">
        <p>{t(`rules:${shareErrorKeys[error.code]}`)}</p>
        {error.code === 'invalidFacts' ? (
          <ul>
            {error.issues.slice(0, 10).map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <code>{issue.path}</code>: {t(issue.message.startsWith('errors.') ? `rules:${issue.message}` : 'rules:errors.invalid')}
              </li>
            ))}
          </ul>
        ) : null}
        <p>{t('share.ownDataSafe')}</p>
      </div>
    );
  }
  if (!active) return null;
  return (
    <div className="notice notice--link" role="status">
      <p>
        <strong>{t('share.fromLink', { pack: link.packId ?? '—' })}</strong>
      </p>
      {link.warnings.length > 0 ? (
        <ul>
          {link.warnings.map((w, i) => (
            <li key={i}>
              {t(`rules:${shareWarningKeys[w.code]}`, {
                ...w,
                ...(w.code === 'packChanged' ? { currentPack: w.currentPack ?? '—' } : {}),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      <p>{t('share.fromLinkDraft')}</p>
      <button type="button" className="secondary-button" onClick={onBackToDraft}>
        {t('share.backToDraft')}
      </button>
    </div>
  );
}
