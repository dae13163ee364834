/** Display helpers for points. Values are kept exact in the engine and rounded only here. */

/**
 * Points for display: with `decimals` fixed decimals when the city reports that way (Tianjin: 2);
 * otherwise whole numbers as they are and anything else (e.g. a patent share of 20/3) with 2 decimals.
 */
export function formatPoints(value: number, decimals?: number): string {
  if (decimals !== undefined) return value.toFixed(decimals);
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Points with an explicit sign (+30, −50). */
export function formatSigned(value: number, decimals?: number): string {
  if (value > 0) return `+${formatPoints(value, decimals)}`;
  if (value < 0) return `−${formatPoints(-value, decimals)}`;
  return formatPoints(0, decimals);
}
