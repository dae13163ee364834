/**
 * Share the current answers as a link: copy it (with selectable text when the clipboard is refused, as in-app
 * browsers do), use the system share sheet where there is one, or show a QR code to scan from this screen.
 * The facts travel in the URL fragment, which browsers never send to a server.
 *
 * The link codec and the QR encoder are loaded when the panel is first opened, not with the page.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityModule } from '../../engine/core/city';
import type { FactsDocument } from '../../engine/document';
import { loadCityEngine } from '../cities';

const QrCode = lazy(() => import('./QrCode').then((m) => ({ default: m.QrCode })));

let codec: typeof import('../../share/codec') | null = null;

/**
 * The share link of `doc` once the panel has been opened and the codec and the document's city loaded; null
 * before, or without a document.
 */
function useShareLink(doc: FactsDocument | null, open: boolean): string | null {
  const city = doc?.city ?? null;
  const [engine, setEngine] = useState<CityModule<unknown> | null>(null);
  useEffect(() => {
    if (!open || city === null) return;
    let current = true;
    void Promise.all([import('../../share/codec'), loadCityEngine(city)]).then(([loaded, module]) => {
      codec = loaded;
      if (current) setEngine(module);
    });
    return () => {
      current = false;
    };
  }, [open, city]);
  return useMemo(
    () => (open && doc && codec && engine?.id === doc.city ? codec.encodeShareLinkFor(engine, doc, appBaseUrl()) : null),
    [open, doc, engine],
  );
}

/** The app's own address (with its base path), without query or fragment: where share links point. */
export function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, window.location.origin).href;
}

type CopyState = 'idle' | 'copied' | 'refused';

export function SharePanel({ document: doc }: { document: FactsDocument | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [showQr, setShowQr] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const link = useShareLink(doc, open);
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const selectLink = () => {
    input.current?.focus();
    input.current?.select();
  };
  const copyLink = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      setCopy('refused');
      selectLink();
    }
  };
  const shareLink = async () => {
    if (!link) return;
    try {
      await navigator.share({ title: t('share.shareTitle'), url: link });
    } catch {
      // The user closed the sheet, or the browser refused: the link stays on screen to copy.
    }
  };

  return (
    <section className="share no-print" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('share.title')}</h3>
      {!open ? (
        <button type="button" className="secondary-button" onClick={() => setOpen(true)} disabled={!doc}>
          {t('share.open')}
        </button>
      ) : link ? (
        <div className="share__body">
          <p className="field__hint">{t('share.privacy')}</p>
          <div className="field">
            <label htmlFor={`${id}-link`}>{t('share.linkLabel')}</label>
            <input
              id={`${id}-link`}
              ref={input}
              type="text"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby={copy !== 'idle' ? `${id}-status` : undefined}
            />
          </div>
          <div className="share__actions">
            <button type="button" className="secondary-button" onClick={() => void copyLink()}>
              {t('share.copy')}
            </button>
            {canShare ? (
              <button type="button" className="secondary-button" onClick={() => void shareLink()}>
                {t('share.system')}
              </button>
            ) : null}
            <button type="button" className="secondary-button" aria-expanded={showQr} onClick={() => setShowQr((v) => !v)}>
              {t(showQr ? 'share.hideQr' : 'share.showQr')}
            </button>
          </div>
          <p id={`${id}-status`} role="status" className="share__status">
            {copy === 'copied' ? t('share.copied') : copy === 'refused' ? t('share.copyRefused') : ''}
          </p>
          {showQr ? (
            <Suspense fallback={<div className="qr" aria-hidden="true" />}>
              <QrCode text={link} label={t('share.qrLabel')} />
            </Suspense>
          ) : null}
        </div>
      ) : doc ? (
        <div className="share__body" aria-busy="true" />
      ) : (
        <p>{t('share.fixErrors')}</p>
      )}
    </section>
  );
}
