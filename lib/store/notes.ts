/**
 * Clinicians' notes on trials: stored in `storage.local` only, never sent anywhere. Read by the
 * content script (the card and chips show them), so checked by hand here; imports from files are
 * validated with zod in lib/notes/transfer.ts, in the options page.
 */
import { browser } from 'wxt/browser';
import { isCanonicalNctId, type NctId } from '../nct';

export const NOTES_KEY = 'notes';

export interface Note {
  text: string;
  tags: string[];
  /** ms since epoch. */
  updatedAt: number;
}

/** Version 1: `{ v: 1, byId: { NCT…: Note } }`. */
export interface NoteBook {
  v: 1;
  byId: Record<NctId, Note>;
}

export const MAX_NOTE_CHARS = 5000;
export const MAX_TAGS = 20;

function readNote(value: unknown): Note | undefined {
  const note = value as Partial<Note> | null | undefined;
  if (!note || typeof note.text !== 'string' || typeof note.updatedAt !== 'number') return undefined;
  const tags = Array.isArray(note.tags) ? note.tags.filter((t): t is string => typeof t === 'string') : [];
  return {
    text: note.text.slice(0, MAX_NOTE_CHARS),
    tags: tags.slice(0, MAX_TAGS),
    updatedAt: note.updatedAt,
  };
}

export function readNoteBook(raw: unknown): NoteBook {
  const book = raw as Partial<NoteBook> | null | undefined;
  const byId: Record<NctId, Note> = {};
  if (book?.v === 1 && book.byId && typeof book.byId === 'object') {
    for (const [id, value] of Object.entries(book.byId)) {
      const note = readNote(value);
      if (note && isCanonicalNctId(id)) byId[id] = note;
    }
  }
  return { v: 1, byId };
}

export async function loadNotes(): Promise<NoteBook> {
  return readNoteBook((await browser.storage.local.get(NOTES_KEY))[NOTES_KEY]);
}

/** Saves (or, with `undefined`, deletes) the note on one trial. */
export async function saveNote(id: NctId, note: Note | undefined): Promise<NoteBook> {
  const book = await loadNotes();
  const byId = Object.fromEntries(Object.entries(book.byId).filter(([key]) => key !== id)) as Record<
    NctId,
    Note
  >;
  if (note && (note.text.trim() || note.tags.length > 0)) byId[id] = note;
  const next: NoteBook = { v: 1, byId };
  await browser.storage.local.set({ [NOTES_KEY]: next });
  return next;
}

export async function saveNoteBook(book: NoteBook): Promise<void> {
  await browser.storage.local.set({ [NOTES_KEY]: book });
}

export function watchNotes(onChange: (book: NoteBook) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (NOTES_KEY in changes) onChange(readNoteBook(changes[NOTES_KEY]?.newValue));
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
