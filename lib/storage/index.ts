/**
 * Every item the extension keeps in `storage.local`, in one list, with its version and migrations.
 * Nothing is stored anywhere else, and nothing here is ever sent.
 *
 * | key                         | version | module               | written by                          |
 * | --------------------------- | ------- | -------------------- | ----------------------------------- |
 * | `settings`                  | 2       | storage/settings.ts  | options, popup, card ⚙ (v1 → v2)    |
 * | `home`                      | 1       | storage/home.ts      | options                             |
 * | `distanceUnit`              | —       | storage/home.ts      | options ('auto' \| 'km' \| 'mi')    |
 * | `note:NCT…` (one per trial) | 1       | storage/notes.ts     | card, full view, options, import    |
 * | `notes` (whole notebook)    | 1       | storage/notes.ts     | old versions; migrated to `note:`   |
 * | `unreadable:<key>:<time>`   | —       | storage/index.ts     | kept copies of data we cannot read  |
 * | `trial:v3:NCT…`, `trial-index:v3`   | 3 | background/cache.ts | background (card data cache)      |
 * | `detail:v2:NCT…`, `detail-index:v2` | 2 | background/cache.ts | background (full view cache)      |
 *
 * The rules every writer follows (DESIGN.md, contracts): a write changes only what it means to change
 * (a note save touches that note's key); data that cannot be read is kept, not dropped; a value written
 * by a newer version of the extension is never overwritten; a failed write is reported to the reader.
 */
import { browser } from 'wxt/browser';

export const STORAGE_KEYS = {
  settings: 'settings',
  home: 'home',
  distanceUnit: 'distanceUnit',
  notePrefix: 'note:',
  legacyNotes: 'notes',
  unreadablePrefix: 'unreadable:',
} as const;

/** The slice of `storage.local` the storage modules use, so tests can stand in for it. */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const localArea = (): StorageArea => browser.storage.local;

/** The `v` a stored value carries, if any. */
export function storedVersion(value: unknown): number | undefined {
  const v = (value as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' ? v : undefined;
}

/** A value written by a newer version of the extension: read nothing from it, overwrite nothing. */
export function isNewer(value: unknown, version: number): boolean {
  const v = storedVersion(value);
  return v !== undefined && v > version;
}

/** Why a write did not happen, in words for the reader. */
export class StorageWriteError extends Error {
  constructor(
    readonly reason: 'newer' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'StorageWriteError';
  }
}

export const NEWER_MESSAGE =
  'This was saved by a newer version of NCT hover cards, so it was left as it is. Update the extension to change it.';

/** `storage.local.set`, with a failure (quota full, storage off) turned into a sentence for the reader. */
export async function writeItems(area: StorageArea, items: Record<string, unknown>): Promise<void> {
  try {
    await area.set(items);
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new StorageWriteError(
      'failed',
      `Could not save: the browser refused to store it${detail}. Your text is still here; free some space (Settings → Saved trial data → Clear) and try again.`,
    );
  }
}

/** Keeps a copy of a value we could not read under its own key, before its place is reused. */
export async function keepUnreadable(
  area: StorageArea,
  key: string,
  value: unknown,
  now: number,
): Promise<void> {
  await writeItems(area, { [`${STORAGE_KEYS.unreadablePrefix}${key}:${now}`]: value });
}
