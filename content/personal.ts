/**
 * The reader's own data the card shows in this page: notes and the home location for distances. Read
 * on this computer, never sent; and only once the page has an ID, so that the many pages without one
 * cost no storage reads.
 */
import { browser } from 'wxt/browser';
import { HOME_KEY, UNIT_KEY, loadDistanceSettings } from '@/lib/storage/home';
import type { NctId } from '@/lib/nct';
import { loadNotesOf, watchNotes, type Note } from '@/lib/storage/notes';
import { unitForLocale } from '@/lib/trial/locations';
import type { DistanceContext } from '@/components/card/LocationsSection';

export interface PersonalData {
  note(id: NctId): Note | undefined;
  distance(): DistanceContext | undefined;
  /** Reads the home location (once) and the notes on these trials (each once). */
  load(ids: Iterable<NctId>): void;
  stop(): void;
}

export function startPersonalData(onChange: () => void): PersonalData {
  /** Notes of the trials on this page only: a page never reads the reader's other notes. */
  const notes = new Map<NctId, Note | undefined>();
  let distance: DistanceContext | undefined;
  let loaded: Promise<unknown> | undefined;

  const readDistance = () =>
    loadDistanceSettings().then(({ home, unit }) => {
      distance = home && { home, unit: unit === 'auto' ? unitForLocale(navigator.language) : unit };
      onChange();
    });
  const onStorage = (changes: Record<string, unknown>) => {
    if (loaded && (HOME_KEY in changes || UNIT_KEY in changes)) void readDistance();
  };
  browser.storage.onChanged.addListener(onStorage);
  const stopWatchingNotes = watchNotes((id, note) => {
    if (!notes.has(id)) return;
    notes.set(id, note);
    onChange();
  });

  return {
    note: (id) => notes.get(id),
    distance: () => distance,
    load(ids) {
      loaded ??= readDistance();
      const wanted = [...new Set(ids)].filter((id) => !notes.has(id));
      if (wanted.length === 0) return;
      for (const id of wanted) notes.set(id, undefined);
      void loadNotesOf(wanted).then(({ byId }) => {
        for (const id of wanted) notes.set(id, byId[id]);
        onChange();
      });
    },
    stop() {
      browser.storage.onChanged.removeListener(onStorage);
      stopWatchingNotes();
    },
  };
}
