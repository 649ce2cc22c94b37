/**
 * Clinicians' notes on trials: one `storage.local` key per trial (`note:NCT…`), never sent anywhere.
 *
 * One key per note, so that a save writes only its own note: two frames (or the card and the options
 * page) saving notes on different trials at the same moment both keep theirs, which a read-modify-write
 * of one whole notebook cannot promise. Stored values are checked by hand (content scripts have no
 * zod); imports from files are validated with zod in lib/notes/transfer.ts.
 */
import { browser } from 'wxt/browser';
import { parseNctId, type NctId } from '../nct';
import {
  NEWER_MESSAGE,
  STORAGE_KEYS,
  StorageWriteError,
  isNewer,
  keepUnreadable,
  localArea,
  writeItems,
  type StorageArea,
} from './index';

export const NOTE_VERSION = 1;
export const MAX_NOTE_CHARS = 5000;
export const MAX_TAGS = 20;
/** Latest `updatedAt` accepted: a date past this is a clock error or a forged file, not an edit. */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

export interface Note {
  text: string;
  tags: string[];
  /** ms since epoch. */
  updatedAt: number;
}

/** Version 1 of one stored note: `{ v: 1, text, tags, updatedAt }`. */
interface StoredNote extends Note {
  v: typeof NOTE_VERSION;
}

export interface NoteBook {
  byId: Partial<Record<NctId, Note>>;
}

export const noteKey = (id: NctId) => `${STORAGE_KEYS.notePrefix}${id}`;

export function noteIdOfKey(key: string): NctId | undefined {
  return key.startsWith(STORAGE_KEYS.notePrefix)
    ? parseNctId(key.slice(STORAGE_KEYS.notePrefix.length))
    : undefined;
}

/** What one stored value is: a note we can read, one written by a newer version, or unreadable. */
export type StoredNoteRead = { kind: 'note'; note: Note } | { kind: 'newer' } | { kind: 'unreadable' };

/** A note's fields, checked; `v` is not looked at (v1 notes and notes of the old notebook alike). */
export function readNoteFields(value: unknown): Note | undefined {
  const note = value as Partial<Note> | null | undefined;
  if (!note || typeof note.text !== 'string') return undefined;
  if (typeof note.updatedAt !== 'number' || !Number.isFinite(note.updatedAt) || note.updatedAt < 0)
    return undefined;
  const tags = Array.isArray(note.tags) ? note.tags.filter((t): t is string => typeof t === 'string') : [];
  return {
    text: note.text.slice(0, MAX_NOTE_CHARS),
    tags: tags.slice(0, MAX_TAGS),
    updatedAt: note.updatedAt,
  };
}

export function readStoredNote(value: unknown): StoredNoteRead {
  if (isNewer(value, NOTE_VERSION)) return { kind: 'newer' };
  const note = (value as { v?: unknown } | null)?.v === NOTE_VERSION ? readNoteFields(value) : undefined;
  return note ? { kind: 'note', note } : { kind: 'unreadable' };
}

function isEmpty(note: Note | undefined): boolean {
  return !note || (!note.text.trim() && note.tags.length === 0);
}

/** The reader's note on one trial, if there is one we can read. */
export async function loadNote(id: NctId, area: StorageArea = localArea()): Promise<Note | undefined> {
  const read = readStoredNote((await area.get(noteKey(id)))[noteKey(id)]);
  return read.kind === 'note' ? read.note : undefined;
}

/** The notes on these trials (one storage read for all). */
export async function loadNotesOf(ids: readonly NctId[], area: StorageArea = localArea()): Promise<NoteBook> {
  const stored = await area.get(ids.map(noteKey));
  const byId: NoteBook['byId'] = {};
  for (const id of ids) {
    const read = readStoredNote(stored[noteKey(id)]);
    if (read.kind === 'note') byId[id] = read.note;
  }
  return { byId };
}

/** Every note (the settings page: search, export). */
export async function loadNotes(area: StorageArea = localArea()): Promise<NoteBook> {
  const byId: NoteBook['byId'] = {};
  for (const [key, value] of Object.entries(await area.get(null))) {
    const id = noteIdOfKey(key);
    const read = id && readStoredNote(value);
    if (id && read && read.kind === 'note') byId[id] = read.note;
  }
  return { byId };
}

/**
 * Saves (or, with `undefined` or an empty note, deletes) the note on one trial, touching nothing else.
 * Refuses, with a StorageWriteError the reader can read, to overwrite a note written by a newer
 * version; keeps a copy of an unreadable one before replacing it; reports a failed write.
 */
export async function saveNote(
  id: NctId,
  note: Note | undefined,
  area: StorageArea = localArea(),
  now = Date.now(),
): Promise<void> {
  const key = noteKey(id);
  const existing = (await area.get(key))[key];
  if (existing !== undefined) {
    const read = readStoredNote(existing);
    if (read.kind === 'newer') throw new StorageWriteError('newer', NEWER_MESSAGE);
    if (read.kind === 'unreadable') await keepUnreadable(area, key, existing, now);
  }
  if (isEmpty(note)) {
    await area.remove(key);
    return;
  }
  const stored: StoredNote = { v: NOTE_VERSION, ...(note as Note) };
  await writeItems(area, { [key]: stored });
}

/** Saves several notes at once (an import): each under its own key, nothing else touched. */
export async function saveNotes(notes: NoteBook['byId'], area: StorageArea = localArea()): Promise<void> {
  const items: Record<string, StoredNote> = {};
  for (const [key, note] of Object.entries(notes)) {
    const id = parseNctId(key);
    if (id && note && !isEmpty(note)) items[noteKey(id)] = { v: NOTE_VERSION, ...note };
  }
  await writeItems(area, items);
}

/**
 * Older versions kept every note in one `notes` item (`{ v: 1, byId }`). Moves each readable note to
 * its own key (a note already there is newer and wins), keeps a copy of what cannot be read, and
 * leaves a notebook of a newer version untouched. Run by the background at start-up.
 */
export async function migrateNoteBook(area: StorageArea = localArea(), now = Date.now()): Promise<void> {
  const key = STORAGE_KEYS.legacyNotes;
  const book = (await area.get(key))[key] as { v?: unknown; byId?: unknown } | undefined;
  if (book === undefined || isNewer(book, 1)) return;
  const entries =
    book?.v === 1 && book.byId && typeof book.byId === 'object' ? Object.entries(book.byId) : [];
  const existing = await area.get(entries.map(([id]) => `${STORAGE_KEYS.notePrefix}${id}`));
  const moved: Record<string, StoredNote> = {};
  let unreadable = book?.v !== 1;
  for (const [rawId, value] of entries) {
    const id = parseNctId(rawId);
    const note = readNoteFields(value);
    if (!id || id !== rawId || !note) unreadable = true;
    else if (existing[noteKey(id)] === undefined) moved[noteKey(id)] = { v: NOTE_VERSION, ...note };
  }
  await writeItems(area, moved);
  if (unreadable) await keepUnreadable(area, key, book, now);
  await area.remove(key);
}

/** Calls `onChange` with each note that changed (undefined: deleted); returns the unsubscribe. */
export function watchNotes(onChange: (id: NctId, note: Note | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    for (const [key, change] of Object.entries(changes)) {
      const id = noteIdOfKey(key);
      if (!id) continue;
      const read = readStoredNote(change.newValue);
      onChange(id, read.kind === 'note' ? read.note : undefined);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** "lupus, CAR-T ,  referral" → ["lupus", "CAR-T", "referral"]. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_TAGS);
}
