/**
 * Saved profiles: save the current answers under a name, then open, update, rename, duplicate, delete (after an
 * in-page confirmation), export to and import from a JSON file. Outcomes are announced in a status region,
 * problems in an alert; everything stays on the device.
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentIssue } from '../../engine/document';
import type { CityId } from '../../engine/core/types';
import { isUiCity, loadedCityCount, subscribeCityLoads, type FormValues } from '../cities';
import {
  MAX_IMPORT_CHARS,
  MAX_PROFILES,
  NAME_MAX_LENGTH,
  STORE_KEY,
  clipName,
  getDefaultProfileStore,
  isValidName,
  normaliseName,
  type ImportReport,
  type LoadResult,
  type Profile,
  type ProfileStore,
  type StorageProblem,
  type StoreError,
  type StoreResult,
} from './store';

export interface ProfilesPanelProps {
  /** The city of the form on screen; "Save as" and "Save changes" store the current values under it. */
  readonly city: CityId;
  /** The form's current values. */
  readonly currentValues: FormValues;
  /** Apply an opened profile to the form (switching city first when it is another city's). */
  readonly onOpen: (profile: Profile, issues: readonly DocumentIssue[]) => void;
  /** Defaults to the page's store over localStorage. */
  readonly store?: ProfileStore;
}

/** An inline step open on one profile. */
type Editing = { readonly kind: 'rename' | 'confirmDelete'; readonly id: string } | null;

/** Where keyboard focus goes after an inline step closes or a profile disappears. */
type FocusTarget = { readonly id: string; readonly action: 'rename' | 'delete' | 'open' } | 'heading' | null;

/** A problem the UI shows, in words, with a key that stays the same while it is the same problem. */
interface ShownProblem {
  readonly key: string;
  readonly text: string;
}

const problemKey = (problem: StorageProblem): string =>
  problem.kind === 'corrupt' ? `corrupt:${problem.reason}:${problem.backupKey ?? ''}` : problem.kind;

/** Bytes a file may have before it is refused unread (UTF-8 takes at most 4 bytes per character). */
const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS * 4;

/** Skipped profiles named one by one after an import; the rest are counted. */
const MAX_SKIPPED_LISTED = 20;

/** `mingfen-profiles-2025-06-01.json` for an export made on that day (UTC). */
const exportFileName = (isoTimestamp: string) => `mingfen-profiles-${isoTimestamp.slice(0, 10)}.json`;

/** Offer `text` as a file download (Blob + object URL + a temporary link). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns; give them time before releasing the file.
  setTimeout(() => URL.revokeObjectURL?.(url), 10_000);
}

export function ProfilesPanel({ city, currentValues, onOpen, store: givenStore }: ProfilesPanelProps) {
  const { t, i18n } = useTranslation();
  const store = givenStore ?? getDefaultProfileStore();
  const [snapshot, setSnapshot] = useState<LoadResult>(() => store.load());
  const [status, setStatus] = useState('');
  /** Messages about the last action that went wrong (the stored-data problems are shown besides). */
  const [actionAlert, setActionAlert] = useState<readonly string[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const panelRef = useRef<HTMLElement>(null);
  const headingId = useId();
  const nameId = useId();
  const fileId = useId();

  const refresh = useCallback(() => setSnapshot(store.load()), [store]);

  // Another tab changed the stored data: show it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === STORE_KEY) refresh();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [refresh]);

  useEffect(() => {
    if (focusTarget === null) return;
    const panel = panelRef.current;
    const element =
      focusTarget === 'heading'
        ? panel?.querySelector<HTMLElement>('h2')
        : panel?.querySelector<HTMLElement>(`[data-action="${focusTarget.action}"][data-profile="${focusTarget.id}"]`);
    element?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const { profiles, activeProfileId } = snapshot.state;
  // The page's store checks a profile with its city's form, loaded on demand: check again when another city loads.
  const citiesLoaded = useSyncExternalStore(subscribeCityLoads, loadedCityCount, loadedCityCount);
  const flagged = useMemo(
    () => new Set(profiles.filter((p) => store.issuesOf(p).length > 0).map((p) => p.id)),
    [store, profiles, citiesLoaded],
  );

  const errorText = (error: StoreError) =>
    t(`profiles.errors.${error}`, { max: error === 'tooMany' ? MAX_PROFILES : NAME_MAX_LENGTH });

  /** Show the outcome of an operation; the success message when it worked, else the error as an alert. */
  function settle<T>(result: StoreResult<T>, onSuccess: (value: T) => string): boolean {
    setSnapshot({ state: result.state, problems: result.problems });
    if (result.ok) {
      setActionAlert([]);
      setStatus(onSuccess(result.value));
      return true;
    }
    setStatus('');
    setActionAlert([errorText(result.error)]);
    return false;
  }

  const problemTexts: ShownProblem[] = snapshot.problems
    .map((problem): ShownProblem => {
      const key = problemKey(problem);
      if (problem.kind === 'futureVersion') return { key, text: t('profiles.problems.futureVersion') };
      if (problem.kind === 'unavailable') return { key, text: t('profiles.problems.unavailable') };
      if (problem.backupKey === null) return { key, text: t('profiles.problems.corruptNotSetAside') };
      if (problem.reason === 'items') {
        return { key, text: t('profiles.problems.corruptItems', { count: problem.dropped, key: problem.backupKey }) };
      }
      return { key, text: t('profiles.problems.corrupt', { key: problem.backupKey }) };
    })
    .filter((problem, index, all) => !dismissed.has(problem.key) && all.findIndex((p) => p.key === problem.key) === index);
  const alerts = [...problemTexts.map((p) => p.text), ...actionAlert];

  const dismissAlerts = () => {
    setDismissed(new Set([...dismissed, ...problemTexts.map((p) => p.key)]));
    setActionAlert([]);
  };

  const formatTime = (iso: string) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  };

  function saveAs(event: FormEvent) {
    event.preventDefault();
    const clean = normaliseName(name);
    if (!isValidName(clean)) {
      setNameError(t('profiles.errors.invalidName', { max: NAME_MAX_LENGTH }));
      return;
    }
    setNameError(null);
    if (settle(store.saveAs(clean, city, currentValues), (p) => t('profiles.status.saved', { name: p.name }))) setName('');
  }

  function open(profile: Profile) {
    const result = store.open(profile.id);
    if (result.ok && !isUiCity(result.value.profile.city)) {
      setSnapshot({ state: result.state, problems: result.problems });
      setActionAlert([t('profiles.errors.unknownCity')]);
      return;
    }
    const opened = settle(result, ({ profile: p, issues }) =>
      t(issues.length > 0 ? 'profiles.status.openedNeedsCheck' : 'profiles.status.opened', { name: p.name }),
    );
    if (opened && result.ok) onOpen(result.value.profile, result.value.issues);
  }

  function update(profile: Profile) {
    settle(store.update(profile.id, currentValues), (p) => t('profiles.status.updated', { name: p.name }));
  }

  function duplicate(profile: Profile) {
    const copyName = clipName(t('profiles.copyName', { name: profile.name }));
    settle(store.duplicate(profile.id, copyName), (p) => t('profiles.status.duplicated', { name: p.name }));
  }

  function rename(profile: Profile, newName: string): string | null {
    const clean = normaliseName(newName);
    if (!isValidName(clean)) return t('profiles.errors.invalidName', { max: NAME_MAX_LENGTH });
    if (settle(store.rename(profile.id, clean), (p) => t('profiles.status.renamed', { name: p.name }))) {
      setEditing(null);
      setFocusTarget({ id: profile.id, action: 'rename' });
    }
    return null;
  }

  function remove(profile: Profile) {
    setEditing(null);
    if (settle(store.remove(profile.id), (p) => t('profiles.status.deleted', { name: p.name }))) setFocusTarget('heading');
  }

  function exportAll() {
    const result = store.exportProfiles();
    setSnapshot({ state: result.state, problems: result.problems });
    if (!result.ok) return;
    const count = result.state.profiles.length;
    if (count === 0) {
      setStatus(t('profiles.status.nothingToExport'));
      return;
    }
    download(result.value, exportFileName(new Date().toISOString()));
    setActionAlert([]);
    setStatus(t('profiles.status.exported', { count }));
  }

  function importReportAlerts(report: ImportReport): string[] {
    const { skipped } = report;
    if (skipped.length === 0) return [];
    const listed = skipped.slice(0, MAX_SKIPPED_LISTED).map((item) =>
      t('profiles.skipped.item', {
        name: item.name ?? t('profiles.skipped.unnamed', { n: item.index + 1 }),
        reason: t(`profiles.skipped.reason.${item.reason}`),
      }),
    );
    const more = skipped.length - listed.length;
    return [
      t('profiles.skipped.title', { count: skipped.length }),
      ...listed,
      ...(more > 0 ? [t('profiles.skipped.more', { count: more })] : []),
    ];
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        setStatus('');
        setActionAlert([t('profiles.errors.fileTooLarge')]);
        return;
      }
      text = await file.text();
    } catch {
      setStatus('');
      setActionAlert([t('profiles.errors.fileUnreadable')]);
      return;
    } finally {
      // Choosing the same file again must fire another change.
      input.value = '';
    }
    const result = store.importProfiles(text);
    if (settle(result, (report) => t('profiles.status.imported', { count: report.imported.length })) && result.ok) {
      setActionAlert(importReportAlerts(result.value));
    }
  }

  // A profile may name a city this build has no name for (saved by a newer version): show its id.
  const cityName = (id: string) => (i18n.exists(`city.names.${id}`) ? t(`city.names.${id}`) : id);
  const nameHintId = `${nameId}-hint`;
  const nameErrorId = `${nameId}-error`;

  return (
    <section className="profiles" aria-labelledby={headingId} ref={panelRef}>
      <h2 id={headingId} tabIndex={-1}>
        {t('profiles.title')}
      </h2>
      <p className="privacy-note">{t('profiles.onDevice')}</p>

      {alerts.length > 0 ? (
        <div className="notice notice--warning profiles__alert" role="alert">
          {alerts.map((text, index) => (
            <p key={index}>{text}</p>
          ))}
          <button type="button" className="link-button" onClick={dismissAlerts}>
            {t('profiles.actions.dismiss')}
          </button>
        </div>
      ) : null}
      <p className="profiles__status" role="status">
        {status}
      </p>

      <form className="profiles__save" noValidate onSubmit={saveAs}>
        <div className={nameError ? 'field field--invalid' : 'field'}>
          <label htmlFor={nameId}>{t('profiles.saveAs.label')}</label>
          <input
            id={nameId}
            type="text"
            autoComplete="off"
            value={name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${nameHintId} ${nameErrorId}` : nameHintId}
            onChange={(event) => setName(event.target.value)}
          />
          <p className="field__hint" id={nameHintId}>
            {t('profiles.saveAs.hint', { max: NAME_MAX_LENGTH })}
          </p>
          {nameError ? (
            <p className="field__error" id={nameErrorId} role="alert">
              {nameError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="secondary-button">
          {t('profiles.saveAs.submit')}
        </button>
      </form>

      {profiles.length === 0 ? (
        <p>{t('profiles.empty')}</p>
      ) : (
        <ul className="profiles__list" aria-label={t('profiles.listLabel')}>
          {profiles.map((profile) => (
            <ProfileItem
              key={profile.id}
              profile={profile}
              active={profile.id === activeProfileId}
              canUpdate={profile.id === activeProfileId && profile.city === city}
              needsCheck={flagged.has(profile.id)}
              cityName={cityName(profile.city)}
              formatTime={formatTime}
              editing={editing?.id === profile.id ? editing.kind : null}
              onOpen={() => open(profile)}
              onUpdate={() => update(profile)}
              onDuplicate={() => duplicate(profile)}
              onStartRename={() => setEditing({ kind: 'rename', id: profile.id })}
              onRename={(newName) => rename(profile, newName)}
              onCancelRename={() => {
                setEditing(null);
                setFocusTarget({ id: profile.id, action: 'rename' });
              }}
              onStartDelete={() => setEditing({ kind: 'confirmDelete', id: profile.id })}
              onConfirmDelete={() => remove(profile)}
              onCancelDelete={() => {
                setEditing(null);
                setFocusTarget({ id: profile.id, action: 'delete' });
              }}
            />
          ))}
        </ul>
      )}

      <div className="profiles__transfer">
        <button type="button" className="secondary-button" onClick={exportAll}>
          {t('profiles.actions.export')}
        </button>
        <div className="field">
          <label htmlFor={fileId}>{t('profiles.actions.import')}</label>
          <input
            id={fileId}
            type="file"
            accept=".json,application/json"
            aria-describedby={`${fileId}-hint`}
            onChange={(event) => void importFile(event.currentTarget)}
          />
          <p className="field__hint" id={`${fileId}-hint`}>
            {t('profiles.actions.importHint')}
          </p>
        </div>
      </div>
    </section>
  );
}

interface ProfileItemProps {
  readonly profile: Profile;
  readonly active: boolean;
  readonly canUpdate: boolean;
  readonly needsCheck: boolean;
  readonly cityName: string;
  readonly formatTime: (iso: string) => string;
  readonly editing: 'rename' | 'confirmDelete' | null;
  readonly onOpen: () => void;
  readonly onUpdate: () => void;
  readonly onDuplicate: () => void;
  readonly onStartRename: () => void;
  /** Rename; returns an error message to show, or null. */
  readonly onRename: (name: string) => string | null;
  readonly onCancelRename: () => void;
  readonly onStartDelete: () => void;
  readonly onConfirmDelete: () => void;
  readonly onCancelDelete: () => void;
}

function ProfileItem(props: ProfileItemProps) {
  const { t } = useTranslation();
  const { profile, editing } = props;
  const name = profile.name;
  return (
    <li className={props.active ? 'profile profile--active' : 'profile'}>
      <p className="profile__name">
        <strong>{name}</strong>
        {props.active ? <span>{t('profiles.item.active')}</span> : null}
      </p>
      <p className="profile__meta">
        {t('profiles.item.city', { city: props.cityName })} · {t('profiles.item.asOf', { date: profile.asOf })} ·{' '}
        <time dateTime={profile.updatedAt}>
          {t('profiles.item.updated', { date: props.formatTime(profile.updatedAt) })}
        </time>
      </p>
      {!isUiCity(profile.city) ? (
        <p className="profile__flag">{t('profiles.item.cityUnavailable')}</p>
      ) : props.needsCheck ? (
        <p className="profile__flag">{t('profiles.item.needsCheck')}</p>
      ) : null}

      {editing === 'rename' ? (
        <RenameForm profile={profile} onRename={props.onRename} onCancel={props.onCancelRename} />
      ) : editing === 'confirmDelete' ? (
        <DeleteConfirm profile={profile} onConfirm={props.onConfirmDelete} onCancel={props.onCancelDelete} />
      ) : (
        <div className="profile__actions" role="group" aria-label={t('profiles.item.actionsLabel', { name })}>
          <ActionButton action="open" profile={profile} onClick={props.onOpen} />
          {props.canUpdate ? <ActionButton action="update" profile={profile} onClick={props.onUpdate} /> : null}
          <ActionButton action="rename" profile={profile} onClick={props.onStartRename} />
          <ActionButton action="duplicate" profile={profile} onClick={props.onDuplicate} />
          <ActionButton action="delete" profile={profile} onClick={props.onStartDelete} />
        </div>
      )}
    </li>
  );
}

type Action = 'open' | 'update' | 'rename' | 'duplicate' | 'delete';

/** A short visible label ("Open"); the accessible name adds the profile's name ("Open “client Wang”"). The data
 *  attributes let focus come back to it after an inline step. */
function ActionButton({ action, profile, onClick }: { action: Action; profile: Profile; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="secondary-button"
      aria-label={t(`profiles.actions.${action}Named`, { name: profile.name })}
      data-action={action}
      data-profile={profile.id}
      onClick={onClick}
    >
      {t(`profiles.actions.${action}`)}
    </button>
  );
}

interface RenameFormProps {
  readonly profile: Profile;
  /** Returns an error message to show, or null. */
  readonly onRename: (name: string) => string | null;
  readonly onCancel: () => void;
}

/** Inline rename: the field takes focus; Enter saves, Escape or Cancel goes back. */
function RenameForm({ profile, onRename, onCancel }: RenameFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(profile.name);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <form
      className="profile__rename"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        setError(onRename(value));
      }}
    >
      <div className={error ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>{t('profiles.rename.label', { name: profile.name })}</label>
        <input
          id={id}
          ref={inputRef}
          type="text"
          autoComplete="off"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {error ? (
          <p className="field__error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" className="secondary-button">
        {t('profiles.rename.submit')}
      </button>{' '}
      <button type="button" className="link-button" onClick={onCancel}>
        {t('profiles.rename.cancel')}
      </button>
    </form>
  );
}

/** The delete confirmation in place of the actions: focus starts on Cancel (the safe choice); Escape cancels. */
function DeleteConfirm(props: { profile: Profile; onConfirm: () => void; onCancel: () => void }) {
  const { profile, onConfirm, onCancel } = props;
  const { t } = useTranslation();
  const textId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      className="profile__confirm"
      role="group"
      aria-labelledby={textId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={textId}>{t('profiles.confirmDelete.text', { name: profile.name })}</p>
      <button type="button" className="secondary-button profile__confirm-delete" onClick={onConfirm}>
        {t('profiles.confirmDelete.confirm')}
      </button>{' '}
      <button type="button" className="secondary-button" ref={cancelRef} onClick={onCancel}>
        {t('profiles.confirmDelete.cancel')}
      </button>
    </div>
  );
}
