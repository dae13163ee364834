/**
 * The form's draft for one city: read once to start the form from it, and written shortly after every change
 * (and at once when the page is hidden or left, or the city changes), so a reload or a crash loses nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CityId } from '../../engine/core/types';
import type { FormValues } from '../cities';
import { getDefaultProfileStore, type Draft, type ProfileStore, type StorageProblem } from './store';

/** Milliseconds of quiet after the last change before the draft is written. */
export const DRAFT_DELAY_MS = 300;

/** `idle`: nothing written yet; `saved`: the last write worked; `readOnly`: stored data must not be written
 *  (newer version, or damaged data that could not be set aside); `failed`: the storage refused the write. */
export type DraftStatus = 'idle' | 'saved' | 'readOnly' | 'failed';

export interface DraftHandle {
  /** The draft stored for the city when it was chosen (the form's starting values), or null. */
  readonly draft: Draft | null;
  /** Problems met reading the stored data (damaged data set aside, newer version, no storage). */
  readonly problems: readonly StorageProblem[];
  /** Remember the current values; written after `DRAFT_DELAY_MS` without further changes. */
  readonly save: (values: FormValues) => void;
  /** Write the pending values now, if any. */
  readonly flush: () => void;
  readonly status: DraftStatus;
}

export interface DraftOptions {
  readonly store?: ProfileStore;
  readonly delayMs?: number;
}

/** A copy of the values as they are now, so later edits of the same objects do not leak into the draft. */
function snapshot(values: FormValues): FormValues {
  try {
    return structuredClone(values);
  } catch {
    return values;
  }
}

/** The stored draft of `city` and a debounced `save` for the form's values. */
export function useDraft(city: CityId, { store, delayMs = DRAFT_DELAY_MS }: DraftOptions = {}): DraftHandle {
  const activeStore = store ?? getDefaultProfileStore();
  // Read once per city (not on every render): the draft is the form's starting point, not live state.
  const initial = useMemo(() => {
    const { state, problems } = activeStore.load();
    return { draft: state.drafts[city] ?? null, problems };
  }, [activeStore, city]);

  const [status, setStatus] = useState<DraftStatus>('idle');
  const pending = useRef<{ city: CityId; values: FormValues } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    const result = activeStore.saveDraft(next.city, next.values);
    setStatus(result.ok ? 'saved' : result.error === 'readOnly' ? 'readOnly' : 'failed');
  }, [activeStore]);

  const save = useCallback(
    (values: FormValues) => {
      pending.current = { city, values: snapshot(values) };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [city, delayMs, flush],
  );

  // Leaving the page (pagehide) or hiding it (tab switch, phone screen off; the last event mobile browsers
  // reliably send) writes at once.
  useEffect(() => {
    const onPageHide = () => flush();
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [flush]);

  // A change of city or unmounting writes what is pending for the city being left.
  useEffect(() => () => flush(), [city, flush]);

  return { draft: initial.draft, problems: initial.problems, save, flush, status };
}
