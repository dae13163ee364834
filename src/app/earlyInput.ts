/**
 * What the user does on the prerendered page before the app has started (the page shows the form at once; on a
 * slow network the JavaScript may take a while): the controls they change and the buttons they press. The page's
 * inline start script records from the first parse on (vite.config.ts, `startScript`); the app takes the recording
 * over and replays it once it runs, so that nothing typed or pressed is lost.
 */

/** A control changed before the app started, with its value then (text as typed; checked state for boxes). */
export interface EarlyChange {
  readonly control: HTMLInputElement | HTMLSelectElement;
  readonly value: string | boolean;
}

/** The recording. */
export interface EarlyInput {
  /** Stop recording button presses and return them, in order (call before React takes over the page). */
  takePresses(): readonly HTMLButtonElement[];
  /** Stop recording changes and return the changed controls with their values (once; later calls return nothing). */
  stop(): readonly EarlyChange[];
}

/** What the page's inline start script has recorded. */
interface PageRecording {
  readonly controls: EventTarget[];
  readonly presses: EventTarget[];
  stop(): void;
}

const isCheckable = (control: HTMLInputElement | HTMLSelectElement) =>
  control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');

const pressedButton = (target: EventTarget | null) =>
  target instanceof Element ? target.closest('button') : null;

type Control = HTMLInputElement | HTMLSelectElement;

const isControl = (target: EventTarget | null): target is Control =>
  target instanceof HTMLInputElement || target instanceof HTMLSelectElement;

/** A control's value now (text as typed; checked state for boxes). */
const valueOf = (control: Control): string | boolean =>
  isCheckable(control) ? (control as HTMLInputElement).checked : control.value;

/**
 * Start recording under `root`, taking over what the page's inline script has recorded so far. Values are taken
 * when the user changes them (and, for what the inline script saw, now): React may set a control it takes over back
 * to its own state before the recording is read.
 */
export function recordEarlyInput(root: HTMLElement): EarlyInput {
  const page = (window as { __mingfenEarlyInput?: PageRecording }).__mingfenEarlyInput;
  const changed = new Map<Control, string | boolean>();
  for (const target of page?.controls ?? []) if (isControl(target)) changed.set(target, valueOf(target));
  const presses: HTMLButtonElement[] = (page?.presses ?? []).map(pressedButton).filter((b): b is HTMLButtonElement => b !== null);
  page?.stop();
  const onChange = (event: Event) => {
    const target = event.target;
    if (!isControl(target)) return;
    changed.delete(target); // keep the order of the last changes
    changed.set(target, valueOf(target));
  };
  const onPress = (event: Event) => {
    const button = pressedButton(event.target);
    if (button) presses.push(button);
  };
  root.addEventListener('input', onChange, true);
  root.addEventListener('change', onChange, true);
  root.addEventListener('click', onPress, true);
  return {
    takePresses() {
      root.removeEventListener('click', onPress, true);
      return presses.splice(0);
    },
    stop() {
      root.removeEventListener('input', onChange, true);
      root.removeEventListener('change', onChange, true);
      root.removeEventListener('click', onPress, true);
      const changes = [...changed].map(([control, value]) => ({ control, value }));
      changed.clear();
      return changes;
    },
  };
}

/**
 * Puts a control back to the value it had before the app started, the way a user would (React sees an input or
 * change event), when rendering has changed it since. Controls no longer on the page are left alone.
 */
export function restoreControl({ control, value }: EarlyChange): void {
  if (!control.isConnected) return;
  if (typeof value === 'boolean') {
    if ((control as HTMLInputElement).checked !== value) control.click();
    return;
  }
  if (control.value === value) return;
  const prototype = control instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(control, value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Presses the buttons again (those still on the page), now that they do something. */
export function replayPresses(buttons: readonly HTMLButtonElement[]): void {
  for (const button of buttons) if (button.isConnected && !button.disabled) button.click();
}
