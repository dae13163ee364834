import type { IsoDate } from '../engine/core/types';

/**
 * The day the bundled rule packs (every city's parameters and citations) were last checked against the official
 * sources, as an ISO date (YYYY-MM-DD). Shown under the result so a reader of a saved or offline copy knows how
 * fresh its rules are.
 *
 * Bump it in the same change that edits any city's packs.ts (or re-checks them against the sources and finds no
 * change): set it to the day of that check.
 */
export const RULES_UPDATED: IsoDate = '2026-11-22';
