/**
 * How the total is composed against the threshold: a stacked bar of the counted lines (a few SVG rects, no chart
 * library), deductions hatched at the end, and a marker at the threshold. The numbers are in the list below it;
 * the SVG has a text alternative.
 */
import { useTranslation } from 'react-i18next';
import type { ScoreResult } from '../../engine/core/types';
import { formatPoints } from './format';

const PALETTE = ['#1f6feb', '#2da44e', '#bf8700', '#8250df', '#cf222e', '#0a7f8c', '#bc4c00', '#6e7781'];

export function Composition({ result }: { result: ScoreResult }) {
  const { t } = useTranslation();
  const threshold = result.threshold ?? 0;
  // The primary score may use only some lines (Guangzhou's hukou table leaves some out).
  const inScore = new Set(result.scores[0]?.lineIds ?? []);
  const parts = result.lines.filter((l) => l.counted && l.points > 0 && inScore.has(l.id));
  const deducted = -result.deductions
    .filter((l) => l.counted && inScore.has(l.id))
    .reduce((acc, l) => acc + l.points, 0);
  const gross = parts.reduce((acc, l) => acc + l.points, 0);
  const scale = Math.max(gross, threshold, 1) * 1.05;
  const width = 100;
  let x = 0;
  const title = t(result.lines[0] ? 'result.compositionAlt' : 'result.total', {
    total: formatPoints(result.total ?? 0, result.fixedDecimals),
    threshold,
    parts: parts.map((l) => `${t(`${result.city}:lineTitle.${l.id}`)} ${formatPoints(l.points, result.fixedDecimals)}`).join(', '),
  });
  return (
    <figure className="composition">
      <svg viewBox={`0 0 ${width} 14`} role="img" aria-label={title} preserveAspectRatio="none">
        <rect x="0" y="2" width={width} height="8" fill="#eaeef2" />
        {parts.map((l, i) => {
          const w = (l.points / scale) * width;
          const rect = <rect key={l.id} x={x} y="2" width={w} height="8" fill={PALETTE[i % PALETTE.length]} />;
          x += w;
          return rect;
        })}
        {deducted > 0 ? (
          <rect
            x={Math.max(0, x - (Math.min(deducted, gross) / scale) * width)}
            y="2"
            width={(Math.min(deducted, gross) / scale) * width}
            height="8"
            fill="url(#hatch)"
          />
        ) : null}
        <defs>
          <pattern id="hatch" width="2" height="2" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="1" height="2" fill="#ffffff" />
          </pattern>
        </defs>
        <line x1={(threshold / scale) * width} x2={(threshold / scale) * width} y1="0" y2="14" stroke="#24292f" strokeWidth="0.6" />
      </svg>
      <figcaption className="composition__legend">
        {parts.map((l, i) => (
          <span key={l.id} className="legend-item">
            <span className="legend-swatch" style={{ background: PALETTE[i % PALETTE.length] }} aria-hidden="true" />
            {t(`${result.city}:lineTitle.${l.id}`)} {formatPoints(l.points, result.fixedDecimals)}
          </span>
        ))}
        <span className="legend-item">
          <span className="legend-marker" aria-hidden="true" />
          {t('result.thresholdMarker', { threshold, name: t(`${result.city}:city.thresholdName`) })}
        </span>
      </figcaption>
    </figure>
  );
}
