/** The itemised result: gates first, then lines with explanations, citations and caveats, then the total. */
import { useTranslation } from 'react-i18next';
import type { Citation, Gate, Line, Message, ScoreResult, ScoreSummary } from '../../engine/core/types';
import { RULES_UPDATED } from '../../app/rulesUpdated';
import { Composition } from './Composition';
import { formatPoints, formatSigned } from './format';

/** Translate an engine message. */
export function useMessage() {
  const { t } = useTranslation();
  return (message: Message) => t(message.key, message.params ?? {});
}

/** Title of a line from its stable id (`deduction.detention.expired` → `lineTitle.deduction.detention`). */
function lineTitleKey(city: string, id: string): string {
  return `${city}:lineTitle.${id.replace(/\.expired$/, '')}`;
}

function CitationText({ citation }: { citation: Citation }) {
  const { t } = useTranslation();
  return (
    <p className="citation">
      <span className="citation__label">{t('result.source')}</span>{' '}
      <a href={citation.url} target="_blank" rel="noopener noreferrer">
        {citation.instrument} · {citation.article}
      </a>
      {citation.confidence !== 'high' ? (
        <span className="citation__confidence"> ({t(`result.confidence.${citation.confidence}`)})</span>
      ) : null}
    </p>
  );
}

function GateItem({ gate }: { gate: Gate }) {
  const { t } = useTranslation();
  const m = useMessage();
  return (
    <li className={`gate gate--${gate.status}`}>
      <span className="gate__status">
        <span aria-hidden="true">{gate.status === 'pass' ? '✓' : gate.status === 'fail' ? '✗' : '?'}</span>{' '}
        {t(`result.gateStatus.${gate.status}`)}
      </span>
      <span className="gate__text">
        <strong>{m(gate.message)}</strong> — {m(gate.reason)}
      </span>
      <CitationText citation={gate.citation} />
    </li>
  );
}

function LineItem({ line, city, decimals }: { line: Line; city: string; decimals: number | undefined }) {
  const { t } = useTranslation();
  const m = useMessage();
  return (
    <li className={line.counted ? 'line' : 'line line--uncounted'} data-line-id={line.id}>
      <div className="line__head">
        <span className="line__title">{t(lineTitleKey(city, line.id))}</span>
        <span className="line__points" aria-label={t('result.pointsAria', { points: formatSigned(line.points, decimals) })}>
          {line.counted ? formatSigned(line.points, decimals) : <s>{formatSigned(line.points, decimals)}</s>}
        </span>
      </div>
      <p className="line__explain">
        {m(line.message)}
        {line.cap !== undefined ? (
          <span className="line__cap"> {t('result.cap', { cap: formatPoints(line.cap, decimals) })}</span>
        ) : null}
      </p>
      {!line.counted && line.notCountedReason ? (
        <p className="line__reason">
          <strong>{t('result.notCounted')}</strong> {m(line.notCountedReason)}
        </p>
      ) : null}
      {line.caveat ? (
        <p className="line__caveat">
          <strong>{t('result.caveat')}</strong> {t(line.caveat)}
        </p>
      ) : null}
      <CitationText citation={line.citation} />
    </li>
  );
}

/** Published values to compare a score with (past cut-off lines …), each with its source. */
function Comparisons({ score, decimals }: { score: ScoreSummary; decimals: number | undefined }) {
  const { t } = useTranslation();
  const m = useMessage();
  if (!score.comparisons || score.comparisons.length === 0) return null;
  return (
    <ul className="comparisons">
      {score.comparisons.map((c) => (
        <li key={c.id}>
          {m(c.label)}: <strong>{formatPoints(c.value, decimals)}</strong>
          {c.caveat ? <span className="line__caveat-inline"> {t(c.caveat)}</span> : null}
          <CitationText citation={c.citation} />
        </li>
      ))}
    </ul>
  );
}

/** One of several scores (e.g. Guangzhou's services, school, hukou and ranking scores). */
function ScoreCard({ score, decimals, city }: { score: ScoreSummary; decimals: number | undefined; city: string }) {
  const { t } = useTranslation();
  const m = useMessage();
  const headingId = `score-${score.id}`;
  return (
    <li className={`score-card score-card--${score.verdict}`} data-score-id={score.id} aria-labelledby={headingId}>
      <h4 id={headingId}>{m(score.label)}</h4>
      {score.description ? <p className="score-card__description">{m(score.description)}</p> : null}
      <p className="score-card__total">
        <span data-testid={`score-${score.id}`}>{score.total === null ? '—' : formatPoints(score.total, decimals)}</span>
        {score.threshold !== null ? <span className="summary__threshold"> / {formatPoints(score.threshold, decimals)}</span> : null}
      </p>
      {score.threshold !== null ? (
        <p className="score-card__verdict">
          {score.verdict === 'vetoed'
            ? t('result.verdict.vetoed')
            : t(`result.verdict.${score.verdict}`, {
                threshold: formatPoints(score.threshold, decimals),
                name: t(`${city}:city.thresholdName`),
              })}
        </p>
      ) : null}
      {score.eligible ? <p>{t(`result.eligible.${score.eligible}`)}</p> : null}
      <Comparisons score={score} decimals={decimals} />
      <CitationText citation={score.citation} />
    </li>
  );
}

/** Long date formats by language, made once: creating an `Intl.DateTimeFormat` costs more than a re-render. */
const printDateFormats = new Map<string, Intl.DateTimeFormat>();

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `date` written out as `Intl.DateTimeFormat(language, { dateStyle: 'long' })` writes it (zh-CN: 2026年11月22日,
 * en: November 22, 2026), by hand for the app's two languages: the first date formatter of a page loads locale data,
 * which costs more than rendering the whole result.
 */
export function longDate(language: string, date: Date): string {
  const [y, m, d] = [date.getFullYear(), date.getMonth(), date.getDate()];
  if (language === 'zh-CN') return `${y}年${m + 1}月${d}日`;
  if (language === 'en') return `${EN_MONTHS[m]} ${d}, ${y}`;
  let format = printDateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
    printDateFormats.set(language, format);
  }
  return format.format(date);
}

/** Shown only on paper: what this report is, for which city, rules and date, and when it was printed. */
function PrintHeader({ result }: { result: ScoreResult }) {
  const { t, i18n } = useTranslation();
  const printed = longDate(i18n.language, new Date());
  return (
    <div className="print-only print-header">
      <p className="print-header__title">{t('result.printTitle', { city: t(`city.names.${result.city}`) })}</p>
      <p>
        {t('result.printMeta', {
          asOf: result.asOf,
          pack: result.pack ? `${result.pack.instrument} (${result.pack.id}, ${result.pack.validFrom} – ${result.pack.validTo})` : '—',
          printed,
        })}
      </p>
    </div>
  );
}

export function ResultView({ result, stale }: { result: ScoreResult; stale: boolean }) {
  const { t } = useTranslation();
  const m = useMessage();
  const city = result.city;
  const counted = result.lines.filter((l) => l.counted).length;

  if (result.status === 'notModelled') {
    return (
      <div className="result">
        {result.notices.map((n, i) => (
          <p key={i} className={`notice notice--${n.level}`}>
            {m(n.message)}
          </p>
        ))}
      </div>
    );
  }

  const decimals = result.fixedDecimals;
  const threshold = result.threshold === null ? null : formatPoints(result.threshold, decimals);
  const verdictText =
    result.verdict === 'vetoed'
      ? t('result.verdict.vetoed')
      : t(`result.verdict.${result.verdict}`, { threshold: threshold ?? '', name: t(`${city}:city.thresholdName`) });

  return (
    <div className="result">
      <PrintHeader result={result} />
      {stale ? <p className="notice notice--warning">{t('result.stale')}</p> : null}
      {result.notices.map((n, i) => (
        <p key={i} className={`notice notice--${n.level}`}>
          {m(n.message)}
        </p>
      ))}

      <div className={`summary summary--${result.verdict}`}>
        <p className="summary__label">{t(result.scores[0]?.label.key ?? 'result.total')}</p>
        <p className="summary__total" data-testid="total">
          {result.total === null ? '—' : formatPoints(result.total, decimals)}
          {threshold !== null ? <span className="summary__threshold"> / {threshold}</span> : null}
        </p>
        {threshold !== null || result.verdict === 'vetoed' ? <p className="summary__verdict">{verdictText}</p> : null}
        <p className="summary__eligible">{t(`result.eligible.${result.eligible}`)}</p>
        {result.scores.length === 1 && result.scores[0] ? (
          <>
            {result.scores[0].description ? <p>{m(result.scores[0].description)}</p> : null}
            <Comparisons score={result.scores[0]} decimals={decimals} />
          </>
        ) : null}
        {result.total !== null && result.threshold !== null ? (
          <Composition result={result} />
        ) : null}
      </div>

      {result.scores.length > 1 ? (
        <section aria-labelledby="scores-title">
          <h3 id="scores-title">{t('result.scoresTitle')}</h3>
          <ul className="score-cards">
            {result.scores.map((score) => (
              <ScoreCard key={score.id} score={score} decimals={decimals} city={city} />
            ))}
          </ul>
        </section>
      ) : null}

      {result.veto.vetoed ? (
        <section className="veto" aria-labelledby="veto-title">
          <h3 id="veto-title">{t('result.vetoTitle')}</h3>
          <ul>
            {result.veto.reasons.map((r) => (
              <li key={r.id}>
                {m(r.message)}
                <CitationText citation={r.citation} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="gates-title">
        <h3 id="gates-title">{t('result.gatesTitle')}</h3>
        <ul className="gates">
          {result.gates.map((g) => (
            <GateItem key={g.id} gate={g} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="lines-title">
        <h3 id="lines-title">{t('result.linesTitle', { counted, total: result.lines.length })}</h3>
        <ul className="lines">
          {result.lines.map((l) => (
            <LineItem key={l.id} line={l} city={city} decimals={decimals} />
          ))}
        </ul>
      </section>

      {result.deductions.length > 0 ? (
        <section aria-labelledby="deductions-title">
          <h3 id="deductions-title">{t('result.deductionsTitle')}</h3>
          <ul className="lines">
            {result.deductions.map((l) => (
              <LineItem key={l.id} line={l} city={city} decimals={decimals} />
            ))}
          </ul>
        </section>
      ) : null}

      {result.missing.length > 0 ? (
        <section aria-labelledby="missing-title" className="missing">
          <h3 id="missing-title">{t('result.missingTitle')}</h3>
          <ul>
            {result.missing.map((name) => (
              <li key={name}>{t(`${city}:fields.${name}.label`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {result.pack ? (
        <section aria-labelledby="pack-title" className="pack">
          <h3 id="pack-title">{t('result.packTitle')}</h3>
          <p>
            {result.pack.instrument} <code>{result.pack.id}</code>
          </p>
          <p>
            {t('result.validity', { from: result.pack.validFrom, to: result.pack.validTo })}
            {result.pack.validToAssumed ? ` ${t('result.validityAssumed')}` : ''}
          </p>
          <p>{result.pack.asOfInValidity ? t('result.inValidity', { asOf: result.asOf }) : t('result.outOfValidity', { asOf: result.asOf })}</p>
          <p>{t('pwa.rulesUpdated', { date: RULES_UPDATED })}</p>
        </section>
      ) : null}

      <p className="disclaimer">{t('result.disclaimer')}</p>
      <p className="no-print">
        <button type="button" className="secondary-button" onClick={() => window.print()}>
          {t('result.print')}
        </button>
      </p>
    </div>
  );
}
