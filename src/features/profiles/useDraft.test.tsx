/**
 * The draft hook: it starts from the stored draft, writes 300 ms after the last change, writes at once when the
 * page is hidden or left, the city changes or the form goes away, and a reload of a real form gives back what
 * was typed.
 */
import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { CityId } from '../../engine/core/types';
import type { FormValues } from '../cities';
import { STORE_KEY, createProfileStore, type KeyValueStorage, type ProfileStore } from './storage';
import { DRAFT_DELAY_MS, useDraft } from './useDraft';

/** localStorage with a count of writes to the envelope. */
function countingStore(): { store: ProfileStore; writes: () => number } {
  let writes = 0;
  const storage: KeyValueStorage = {
    getItem: (key) => localStorage.getItem(key),
    setItem: (key, value) => {
      if (key === STORE_KEY) writes += 1;
      localStorage.setItem(key, value);
    },
    removeItem: (key) => localStorage.removeItem(key),
  };
  return { store: createProfileStore({ storage }), writes: () => writes };
}

const storedDraft = (city = 'shanghai') => createProfileStore().load().state.drafts[city] ?? null;
const values = (birthDate: string): FormValues => ({ asOf: '2025-06-01', facts: { birthDate } });

describe('useDraft (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('no draft at first; changes are written once, 300 ms after the last one, with the last values', () => {
    const { store, writes } = countingStore();
    const { result } = renderHook(() => useDraft('shanghai', { store }));
    expect(result.current.draft).toBeNull();
    expect(result.current.status).toBe('idle');

    act(() => {
      result.current.save(values('1990-01-01'));
      vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
      result.current.save(values('1991-01-01'));
      vi.advanceTimersByTime(DRAFT_DELAY_MS - 1);
    });
    expect(writes()).toBe(0);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(writes()).toBe(1);
    expect(storedDraft()?.facts).toEqual({ birthDate: '1991-01-01' });
    expect(result.current.status).toBe('saved');
  });

  test('keeps a copy of the values as they were when saved', () => {
    const { result } = renderHook(() => useDraft('shanghai'));
    const live = values('1990-01-01');
    act(() => {
      result.current.save(live);
      (live.facts as Record<string, unknown>).birthDate = 'changed later';
      vi.advanceTimersByTime(DRAFT_DELAY_MS);
    });
    expect(storedDraft()?.facts).toEqual({ birthDate: '1990-01-01' });
  });

  test.each([
    ['the page is left (pagehide)', () => window.dispatchEvent(new Event('pagehide'))],
    [
      'the page is hidden (visibilitychange)',
      () => {
        vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
        document.dispatchEvent(new Event('visibilitychange'));
      },
    ],
  ])('writes at once when %s', (_label, leave) => {
    const { result } = renderHook(() => useDraft('shanghai'));
    act(() => result.current.save(values('1990-01-01')));
    expect(storedDraft()).toBeNull();
    act(leave);
    expect(storedDraft()?.facts).toEqual({ birthDate: '1990-01-01' });
    vi.restoreAllMocks();
  });

  test('a visible page does not write early', () => {
    const { result } = renderHook(() => useDraft('shanghai'));
    act(() => {
      result.current.save(values('1990-01-01'));
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(storedDraft()).toBeNull();
  });

  test('writes what is pending when the form goes away or the city changes', () => {
    const first = renderHook(() => useDraft('shanghai'));
    act(() => first.result.current.save(values('1990-01-01')));
    first.unmount();
    expect(storedDraft()?.facts).toEqual({ birthDate: '1990-01-01' });

    const { result, rerender } = renderHook(({ city }: { city: CityId }) => useDraft(city), {
      initialProps: { city: 'shanghai' },
    });
    expect(result.current.draft?.facts).toEqual({ birthDate: '1990-01-01' });
    act(() => result.current.save(values('1992-02-02')));
    rerender({ city: 'guangzhou' });
    expect(storedDraft()?.facts).toEqual({ birthDate: '1992-02-02' });
    expect(result.current.draft).toBeNull();
  });

  test('reports a store it must not write to (data from a newer version) and leaves it alone', () => {
    const raw = JSON.stringify({ version: 99 });
    localStorage.setItem(STORE_KEY, raw);
    const { result } = renderHook(() => useDraft('shanghai'));
    expect(result.current.problems).toEqual([{ kind: 'futureVersion', version: 99 }]);
    act(() => {
      result.current.save(values('1990-01-01'));
      result.current.flush();
    });
    expect(result.current.status).toBe('readOnly');
    expect(localStorage.getItem(STORE_KEY)).toBe(raw);
  });

  test('a storage that refuses writes gives the failed status, not an exception', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const { result } = renderHook(() => useDraft('shanghai', { store: createProfileStore({ storage: full }) }));
    act(() => {
      result.current.save(values('1990-01-01'));
      vi.advanceTimersByTime(DRAFT_DELAY_MS);
    });
    expect(result.current.status).toBe('failed');
  });
});

/** A minimal form in the app's shape that starts from the draft and saves every change. */
function DraftedForm({ today }: { today: string }) {
  const { draft, save } = useDraft('shanghai');
  const { register, control } = useForm<FormValues>({
    defaultValues: draft ? { asOf: draft.asOf, facts: draft.facts } : { asOf: today, facts: {} },
  });
  const watched = useWatch({ control }) as FormValues;
  useEffect(() => save(watched), [save, watched]);
  return (
    <form>
      <label htmlFor="birth">Birth date</label>
      <input id="birth" {...register('facts.birthDate')} />
    </form>
  );
}

describe('useDraft in a form', () => {
  test('a reload keeps what was typed', async () => {
    const user = userEvent.setup();
    const first = render(<DraftedForm today="2025-06-01" />);
    await user.type(screen.getByLabelText('Birth date'), '1990-01-01');
    first.unmount();
    // A reload: the form starts again from what localStorage holds.
    render(<DraftedForm today="2025-06-01" />);
    expect(screen.getByLabelText('Birth date')).toHaveValue('1990-01-01');
    expect(storedDraft()).toMatchObject({ asOf: '2025-06-01', facts: { birthDate: '1990-01-01' } });
  });
});
