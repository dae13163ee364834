/** Display helpers for points. Values are kept exact in the engine and rounded only here. */

/** Whole numbers as they are; anything else with 2 decimals. */
export function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Points with an explicit sign (+30, −50). */
export function formatSigned(value: number): string {
  if (value > 0) return `+${formatPoints(value)}`;
  if (value < 0) return `−${formatPoints(-value)}`;
  return '0';
}
