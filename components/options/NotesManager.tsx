import { useEffect, useState } from 'preact/hooks';
import { exportCsv, exportJson, importNotes } from '@/lib/notes/transfer';
import { parseNctId, recordUrl, type NctId } from '@/lib/nct';
import { loadNotes, parseTags, saveNote, saveNotes, type Note, type NoteBook } from '@/lib/storage/notes';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Every note: search, edit, delete; export as JSON or CSV; import a JSON export (validated, merged). */
export function NotesManager({ now }: { now(): number }) {
  const [book, setBook] = useState<NoteBook>({ byId: {} });
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<string | undefined>();
  const [draft, setDraft] = useState({ text: '', tags: '' });
  const [said, setSaid] = useState('');
  useEffect(() => void loadNotes().then(setBook), []);

  const q = query.trim().toLowerCase();
  const entries = Object.entries(book.byId)
    .flatMap(([key, note]) => {
      const id = parseNctId(key);
      return id && note ? [[id, note] as [NctId, Note]] : [];
    })
    .filter(([id, note]) => !q || `${id} ${note.text} ${note.tags.join(' ')}`.toLowerCase().includes(q))
    .sort((a, b) => b[1].updatedAt - a[1].updatedAt);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = importNotes(await loadNotes(), await file.text(), now());
    if (!result.ok) return setSaid(result.message);
    await saveNotes(result.changed);
    setBook(await loadNotes());
    setSaid(`Imported: ${result.added} new notes, ${result.updated} updated. No existing note was lost.`);
  };

  /** Saves or deletes one note; a failure is said and the editor (with the draft) stays open. */
  const change = async (id: NctId, note: Note | undefined): Promise<boolean> => {
    try {
      await saveNote(id, note);
    } catch (error) {
      setSaid(error instanceof Error ? error.message : 'The note could not be saved.');
      return false;
    }
    setBook(await loadNotes());
    return true;
  };

  return (
    <section aria-labelledby="notes-h">
      <h2 id="notes-h">Your notes on trials</h2>
      <p class="muted">
        Kept on this computer only, never sent. Do not write anything that identifies a patient.
      </p>
      <label>
        Search notes <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      {entries.length === 0 ? (
        <p class="muted">{q ? 'No note matches.' : 'No notes yet: add one from any trial card.'}</p>
      ) : (
        <ul class="notes-list">
          {entries.map(([id, note]) => (
            <li key={id}>
              <a href={recordUrl(id)} target="_blank" rel="noopener noreferrer">
                {id}
              </a>{' '}
              {editing === id ? (
                <>
                  <label class="note-field">
                    Note{' '}
                    <textarea
                      rows={3}
                      value={draft.text}
                      onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
                    />
                  </label>
                  <label class="note-field">
                    Tags{' '}
                    <input
                      value={draft.tags}
                      onInput={(e) => setDraft({ ...draft, tags: e.currentTarget.value })}
                    />
                  </label>
                  <button
                    type="button"
                    onClick={() =>
                      void change(id, {
                        text: draft.text.trim(),
                        tags: parseTags(draft.tags),
                        updatedAt: now(),
                      }).then((saved) => saved && (setEditing(undefined), setSaid(`Note on ${id} saved.`)))
                    }
                  >
                    Save
                  </button>
                  <button type="button" onClick={() => setEditing(undefined)}>
                    Cancel
                  </button>
                </>
              ) : (
                <>
                  <span class="note-text">{note.text}</span>
                  {note.tags.length > 0 && <span class="muted"> · {note.tags.join(', ')}</span>}{' '}
                  <button
                    type="button"
                    onClick={() => (
                      setEditing(id),
                      setDraft({ text: note.text, tags: note.tags.join(', ') })
                    )}
                  >
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    onClick={() =>
                      void change(id, undefined).then((saved) => saved && setSaid(`Note on ${id} deleted.`))
                    }
                  >
                    Delete
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="actions">
        <button
          type="button"
          onClick={() => download('nct-notes.json', 'application/json', exportJson(book, now()))}
        >
          Export as JSON
        </button>
        <button type="button" onClick={() => download('nct-notes.csv', 'text/csv', exportCsv(book))}>
          Export as CSV
        </button>
        <label class="button">
          Import JSON…{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              // Read the input now: after an await, the event's currentTarget is gone. Emptied after
              // each import, so the same file can be chosen again.
              const input = e.currentTarget;
              void onImport(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </p>
      <p class="said" role="status" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
