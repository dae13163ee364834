/** The itemised result: gates first, then lines with explanations, citations and caveats, then the total. */
import { useTranslation } from 'react-i18next';
import type { Citation, Gate, Line, Message, ScoreResult } from '../../engine/core/types';
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

function LineItem({ line, city }: { line: Line; city: string }) {
  const { t } = useTranslation();
  const m = useMessage();
  return (
    <li className={line.counted ? 'line' : 'line line--uncounted'} data-line-id={line.id}>
      <div className="line__head">
        <span className="line__title">{t(lineTitleKey(city, line.id))}</span>
        <span className="line__points" aria-label={t('result.pointsAria', { points: formatSigned(line.points) })}>
          {line.counted ? formatSigned(line.points) : <s>{formatSigned(line.points)}</s>}
        </span>
      </div>
      <p className="line__explain">
        {m(line.message)}
        {line.cap !== undefined ? <span className="line__cap"> {t('result.cap', { cap: line.cap })}</span> : null}
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

  const verdictText =
    result.verdict === 'vetoed'
      ? t('result.verdict.vetoed')
      : t(`result.verdict.${result.verdict}`, { threshold: result.threshold ?? 0 });

  return (
    <div className="result">
      {stale ? <p className="notice notice--warning">{t('result.stale')}</p> : null}
      {result.notices.map((n, i) => (
        <p key={i} className={`notice notice--${n.level}`}>
          {m(n.message)}
        </p>
      ))}

      <div className={`summary summary--${result.verdict}`}>
        <p className="summary__label">{t(result.scores[0]?.label.key ?? 'result.total')}</p>
        <p className="summary__total" data-testid="total">
          {result.total === null ? '—' : formatPoints(result.total)}
          <span className="summary__threshold"> / {result.threshold}</span>
        </p>
        <p className="summary__verdict">{verdictText}</p>
        <p className="summary__eligible">{t(`result.eligible.${result.eligible}`)}</p>
        {result.total !== null && result.threshold !== null ? (
          <Composition result={result} />
        ) : null}
      </div>

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
            <LineItem key={l.id} line={l} city={city} />
          ))}
        </ul>
      </section>

      {result.deductions.length > 0 ? (
        <section aria-labelledby="deductions-title">
          <h3 id="deductions-title">{t('result.deductionsTitle')}</h3>
          <ul className="lines">
            {result.deductions.map((l) => (
              <LineItem key={l.id} line={l} city={city} />
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
        </section>
      ) : null}

      <p className="disclaimer">{t('result.disclaimer')}</p>
    </div>
  );
}
