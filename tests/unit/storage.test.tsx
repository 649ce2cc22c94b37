// @vitest-environment happy-dom
/**
 * The notes store's promises (DESIGN.md, storage contract): a save touches only its own note, data
 * that cannot be read is kept, a newer version's data is never overwritten, a failed write is told to
 * the reader with the draft kept, and the settings page's import can be used twice in a row.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NotesSection } from '@/components/card/NotesSection';
import { NotesManager } from '@/components/options/NotesManager';
import { EXPORT_FORMAT } from '@/lib/notes/transfer';
import { StorageWriteError, type StorageArea } from '@/lib/storage';
import { saveHome } from '@/lib/storage/home';
import { loadNote, loadNotes, migrateNoteBook, saveNote, type Note } from '@/lib/storage/notes';
import { saveSettings } from '@/lib/storage/settings';

const A = 'NCT06056921';
const B = 'NCT05147467';
const note = (text: string, updatedAt = 1_700_000_000_000): Note => ({ text, tags: [], updatedAt });

/** storage.local as browsers behave: every call answers on a later turn, so writers can interleave. */
function slowArea(): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const later = <T,>(value: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), 1));
  return {
    data,
    get: (keys) =>
      later(() => {
        const wanted = keys === null ? Object.keys(data) : typeof keys === 'string' ? [keys] : keys;
        return Object.fromEntries(wanted.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
      }),
    set: (items) => later(() => void Object.assign(data, structuredClone(items))),
    remove: (keys) =>
      later(() => {
        for (const key of typeof keys === 'string' ? [keys] : keys) Reflect.deleteProperty(data, key);
      }),
  };
}

beforeEach(() => fakeBrowser.reset());

describe('notes store: a save touches only its own note', () => {
  it('keeps both notes when two frames save different trials at the same moment', async () => {
    const area = slowArea();
    await Promise.all([
      saveNote(A, note('from the card'), area),
      saveNote(B, note('from the options page'), area),
    ]);
    expect((await loadNotes(area)).byId).toEqual({
      [A]: note('from the card'),
      [B]: note('from the options page'),
    });
  });

  it('deletes one note and leaves the others and every other item alone', async () => {
    const area = slowArea();
    area.data['settings'] = { v: 2 };
    await saveNote(A, note('a'), area);
    await saveNote(B, note('b'), area);
    await saveNote(A, undefined, area);
    expect(Object.keys(area.data).sort()).toEqual(['note:NCT05147467', 'settings']);
  });
});

describe('notes store: what it cannot read it keeps', () => {
  it('keeps a copy of an odd stored note before a new note takes its place', async () => {
    const area = slowArea();
    area.data[`note:${A}`] = { v: 1, text: 42 };
    await saveNote(A, note('new'), area, 1234);
    expect(area.data[`unreadable:note:${A}:1234`]).toEqual({ v: 1, text: 42 });
    expect(await loadNote(A, area)).toEqual(note('new'));
  });

  it('never overwrites a note written by a newer version, and says why', async () => {
    const area = slowArea();
    const future = { v: 2, body: { rich: 'text' } };
    area.data[`note:${A}`] = future;
    const saving = saveNote(A, note('older code'), area);
    await expect(saving).rejects.toBeInstanceOf(StorageWriteError);
    await expect(saving).rejects.toThrow(/newer version/);
    expect(area.data[`note:${A}`]).toEqual(future);
    await expect(saveNote(A, undefined, area)).rejects.toThrow(/newer version/);
    expect(area.data[`note:${A}`]).toEqual(future);
  });

  it('moves an old whole-notebook item to one key per note, keeping an odd entry aside', async () => {
    const area = slowArea();
    area.data['notes'] = { v: 1, byId: { [A]: note('old a'), [B]: 'junk' } };
    area.data[`note:${A}`] = { v: 1, ...note('newer, already moved', 1_800_000_000_000) };
    await migrateNoteBook(area, 99);
    expect(area.data['notes']).toBeUndefined();
    expect(await loadNote(A, area)).toEqual(note('newer, already moved', 1_800_000_000_000));
    expect(area.data['unreadable:notes:99']).toEqual({ v: 1, byId: { [A]: note('old a'), [B]: 'junk' } });
  });

  it('leaves a notebook of a newer version untouched', async () => {
    const area = slowArea();
    const future = { v: 2, entries: [{ id: A, text: 'x' }] };
    area.data['notes'] = future;
    await migrateNoteBook(area, 99);
    expect(area.data).toEqual({ notes: future });
  });
});

describe('notes store: a failed write is told, and the draft stays', () => {
  it('rejects with a sentence when the browser refuses to store (quota)', async () => {
    const area = slowArea();
    area.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveNote(A, note('x'), area)).rejects.toThrow(/Could not save.*QUOTA_BYTES.*still here/);
  });

  it('the card keeps the editor open with the typed note and shows the error', async () => {
    const onSave = vi.fn(() =>
      Promise.reject(new StorageWriteError('failed', 'Could not save: storage is full.')),
    );
    render(<NotesSection onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a note' }));
    fireEvent.input(screen.getByLabelText('Note'), { target: { value: 'Pt screening Tuesday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Could not save: storage is full.',
    );
    expect(screen.getByLabelText('Note')).toHaveProperty('value', 'Pt screening Tuesday');
  });
});

describe('settings page: importing notes', () => {
  it('empties the file input after each import, so the same file can be chosen again', async () => {
    render(<NotesManager now={() => Date.parse('2026-11-27T12:00:00Z')} />);
    const input = screen.getByLabelText(/Import JSON/) as HTMLInputElement;
    const file = new File(
      [
        JSON.stringify({
          format: EXPORT_FORMAT,
          version: 1,
          exportedAt: 'x',
          notes: { [A]: note('imported') },
        }),
      ],
      'notes.json',
      { type: 'application/json' },
    );
    const cleared = vi.fn();
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    Object.defineProperty(input, 'value', { set: cleared, get: () => '', configurable: true });
    fireEvent.change(input);
    await screen.findByText(/Imported: 1 new notes/);
    await waitFor(() => expect(cleared).toHaveBeenCalledWith(''));
    expect(await loadNote(A)).toEqual(note('imported'));
  });
});

describe('settings and home: a newer version’s data is never overwritten', () => {
  it('refuses to save settings over settings of a newer version, and keeps them', async () => {
    const future = { v: 3, theme: 'sepia', offSites: ['a.example'] };
    await fakeBrowser.storage.local.set({ settings: future });
    await expect(saveSettings({ chips: true })).rejects.toThrow(/newer version/);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(future);
  });

  it('saves over older settings after migrating them (v1 → v2), keeping what they said', async () => {
    await fakeBrowser.storage.local.set({ settings: { v: 1, disabledHosts: ['pubmed.example'] } });
    await saveSettings({ chips: true });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      v: 2,
      chips: true,
      offSites: ['pubmed.example'],
    });
  });

  it('refuses to replace or forget a home location of a newer version', async () => {
    const future = { v: 2, geohash: 'u4pruyd' };
    await fakeBrowser.storage.local.set({ home: future });
    await expect(saveHome(undefined)).rejects.toThrow(/newer version/);
    expect((await fakeBrowser.storage.local.get('home')).home).toEqual(future);
  });
});
