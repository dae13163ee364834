/** Switch between 中文 and English; the choice is remembered in localStorage (src/i18n/page.ts). */
import { useTranslation } from 'react-i18next';
import { languages, toLanguage } from '../i18n/page';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={current === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {t(`lang.${lng === 'zh-CN' ? 'zh' : 'en'}`)}
        </button>
      ))}
    </div>
  );
}
