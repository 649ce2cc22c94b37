/**
 * Notes to and from files: JSON (which can be imported again) and CSV (for a spreadsheet). An import
 * is validated with zod before anything is touched: a malformed or hostile file is refused with a
 * message saying why, and changes nothing; a valid one merges, keeping every existing note (when both
 * have a note on the same trial, the more recently edited one wins). Options page only.
 */
import { z } from '@/lib/zod';
import { csvCell } from '../csv';
import { MAX_FUTURE_MS, MAX_NOTE_CHARS, MAX_TAGS, type NoteBook } from '../storage/notes';
import { parseNctId } from '../nct';
import { nctIdSchema } from '../nct.schema';

export const EXPORT_FORMAT = 'nct-hover-cards-notes';
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
const MAX_IMPORT_NOTES = 10_000;

/** `now` bounds `updatedAt`: a far-future date would win every merge (and is no real edit). */
const noteSchema = (now: number) =>
  z.strictObject({
    text: z.string().max(MAX_NOTE_CHARS),
    tags: z.array(z.string().min(1).max(60)).max(MAX_TAGS),
    updatedAt: z
      .number()
      .int()
      .nonnegative()
      .max(now + MAX_FUTURE_MS, 'a note’s date is in the future'),
  });

const fileSchema = (now: number) =>
  z.strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: z.string(),
    notes: z
      .record(nctIdSchema, noteSchema(now))
      .refine((notes) => Object.keys(notes).length <= MAX_IMPORT_NOTES, `at most ${MAX_IMPORT_NOTES} notes`),
  });

/** An ISO date for a file, or empty for a stored date that is not a real one (never throws). */
function isoDate(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function exportJson(book: NoteBook, now: number): string {
  return JSON.stringify(
    { format: EXPORT_FORMAT, version: 1, exportedAt: new Date(now).toISOString(), notes: book.byId },
    null,
    2,
  );
}

export function exportCsv(book: NoteBook): string {
  const rows = Object.entries(book.byId)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([id, note]) => (note ? [[id, note] as const] : []))
    .map(([id, note]) =>
      [id, note.text, note.tags.join('; '), isoDate(note.updatedAt), `https://clinicaltrials.gov/study/${id}`]
        .map(csvCell)
        .join(','),
    );
  return ['nct_id,note,tags,updated,url', ...rows].join('\r\n') + '\r\n';
}

/** `changed`: only the notes to write (new trials, and newer edits); nothing else is touched. */
export type ImportResult =
  { ok: true; changed: NoteBook['byId']; added: number; updated: number } | { ok: false; message: string };

/** Validates a file's text and merges it into `current`; never throws. */
export function importNotes(current: NoteBook, text: string, now: number): ImportResult {
  if (text.length > MAX_IMPORT_BYTES)
    return { ok: false, message: 'This file is too large to be a notes export.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'This file is not JSON. Choose a file exported from NCT hover cards (.json).',
    };
  }
  const parsed = fileSchema(now).safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (at ${first.path.join('.')})` : '';
    // zod reports a bad record key generically; say which key and what it should be.
    const why =
      first?.code === 'invalid_key'
        ? `“${String(first.path.at(-1))}” is not an NCT ID: every key must be an NCT ID (NCT + 8 digits)`
        : (first?.message ?? 'unknown shape');
    return {
      ok: false,
      message: `This is not a notes export this extension can read: ${why}${where}. Nothing was changed.`,
    };
  }
  const changed: NoteBook['byId'] = {};
  let added = 0;
  let updated = 0;
  for (const [key, note] of Object.entries(parsed.data.notes)) {
    const id = parseNctId(key);
    if (!id) continue;
    const existing = current.byId[id];
    if (!existing) {
      changed[id] = note;
      added++;
    } else if (note.updatedAt > existing.updatedAt) {
      changed[id] = note;
      updated++;
    }
  }
  return { ok: true, changed, added, updated };
}
