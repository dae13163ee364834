/**
 * The service worker and what the UI needs to know about it: whether a new version waits, whether the app is ready
 * offline, whether the browser offers to install it. The page is never reloaded unless the user asks for it.
 *
 * Without service workers (iOS WeChat, old browsers, http) everything here is a no-op and the app works as a page.
 * Workbox's window library is loaded by a dynamic import after the first render, off the critical path.
 */
import { useSyncExternalStore } from 'react';
import type { RegisterSWOptions } from 'virtual:pwa-register';

/** The `beforeinstallprompt` event (Chromium only, not in the DOM typings). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

export interface PwaState {
  /** A new version is installed and waiting; it takes over only when the user chooses Reload. */
  readonly needRefresh: boolean;
  /** The user chose Reload; the page reloads as soon as the new version controls it. */
  readonly reloading: boolean;
  /** The app has just been cached for offline use for the first time. */
  readonly offlineReady: boolean;
  /** The form holds answers (kept as a draft by the form), so the update notice can say they survive a reload. */
  readonly formDirty: boolean;
  /** The browser's deferred install prompt, when it offered one. */
  readonly installPrompt: BeforeInstallPromptEvent | null;
}

const INITIAL: PwaState = {
  needRefresh: false,
  reloading: false,
  offlineReady: false,
  formDirty: false,
  installPrompt: null,
};

let state: PwaState = INITIAL;
const listeners = new Set<() => void>();
let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null;
let registration: Promise<void> | null = null;
/** Another tab let the new version take over: this page is already controlled by it and only needs a reload. */
let newVersionControls = false;
/** If the new version never takes control after Reload (no waiting worker after all), reload anyway after this. */
const RELOAD_FALLBACK_MS = 5_000;
let reloadFallback: ReturnType<typeof setTimeout> | undefined;

function setState(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** Subscribe to changes of the state; returns the unsubscribe function. */
export function subscribePwa(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getPwaState(): PwaState {
  return state;
}

/** The current state, re-rendering the caller when it changes. */
export function usePwaState(): PwaState {
  return useSyncExternalStore(subscribePwa, getPwaState, getPwaState);
}

/** Whether this browser can run a service worker for the page. */
export function serviceWorkerSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined';
}

type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

export interface RegisterPwaOptions {
  /** Loads `registerSW` (by default `virtual:pwa-register`, in its own chunk). */
  readonly load?: () => Promise<RegisterSW>;
  /** Reloads the page (by default `location.reload()`). */
  readonly reload?: () => void;
}

const loadRegisterSW = async (): Promise<RegisterSW> => (await import('virtual:pwa-register')).registerSW;
let reloadPage: () => void = () => window.location.reload();

/**
 * Register the service worker now (`immediate`), once. Resolves when the registration has been started; errors are
 * reported as warnings (the app keeps working as a page).
 */
export function registerPwa({ load = loadRegisterSW, reload }: RegisterPwaOptions = {}): Promise<void> {
  if (!serviceWorkerSupported()) return Promise.resolve();
  if (reload) reloadPage = reload;
  registration ??= load()
    .then((registerSW) => {
      updateServiceWorker = registerSW({
        immediate: true,
        onNeedRefresh: () => setState({ needRefresh: true }),
        onOfflineReady: () => setState({ offlineReady: true }),
        // A new version took control (here on Reload, or because another tab chose Reload): reload only if this
        // tab asked for it; otherwise keep the page and its answers, and offer the reload.
        onNeedReload: () => {
          if (state.reloading) {
            reloadPage();
          } else {
            newVersionControls = true;
            setState({ needRefresh: true });
          }
        },
        onRegisterError: (error: unknown) => console.warn('Service worker registration failed; the app still works online.', error),
      });
    })
    .catch((error: unknown) => console.warn('Could not load the service worker registration.', error));
  return registration;
}

/** The user chose Reload: let the waiting version take over, then reload (when it controls the page). */
export async function applyUpdate(): Promise<void> {
  setState({ reloading: true });
  if (!updateServiceWorker || newVersionControls) {
    reloadPage();
    return;
  }
  reloadFallback = setTimeout(() => {
    // Still here: no waiting version took over after all. Reloading is what the user asked for anyway.
    reloadPage();
  }, RELOAD_FALLBACK_MS);
  await updateServiceWorker(true);
}

/**
 * The user chose Later: hide the notice. The new version starts once every tab of the app has been closed; until
 * then the notice comes back on each visit.
 */
export function postponeUpdate(): void {
  setState({ needRefresh: false });
}

export function dismissOfflineReady(): void {
  setState({ offlineReady: false });
}

/** Tell the update notice whether the form holds answers (call it from the form when its dirty state changes). */
export function setFormDirty(dirty: boolean): void {
  if (state.formDirty !== dirty) setState({ formDirty: dirty });
}

/**
 * Keep the browser's install offer for our own Install button (instead of its mini-infobar) and forget it once the
 * app is installed. Call before the first render: the event may come early.
 */
export function listenForInstallPrompt(target: Window = window): () => void {
  const onPrompt = (event: Event) => {
    event.preventDefault();
    setState({ installPrompt: event as BeforeInstallPromptEvent });
  };
  const onInstalled = () => setState({ installPrompt: null });
  target.addEventListener('beforeinstallprompt', onPrompt);
  target.addEventListener('appinstalled', onInstalled);
  return () => {
    target.removeEventListener('beforeinstallprompt', onPrompt);
    target.removeEventListener('appinstalled', onInstalled);
  };
}

/** Show the browser's install dialog, once; the offer is spent whatever the answer. */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const prompt = state.installPrompt;
  if (!prompt) return 'unavailable';
  setState({ installPrompt: null });
  await prompt.prompt();
  return (await prompt.userChoice).outcome;
}

/** Back to the initial state (tests). */
export function resetPwaForTests(): void {
  state = INITIAL;
  updateServiceWorker = null;
  registration = null;
  newVersionControls = false;
  clearTimeout(reloadFallback);
  reloadPage = () => window.location.reload();
  for (const listener of listeners) listener();
}
