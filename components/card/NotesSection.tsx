import { useState } from 'preact/hooks';
import { MAX_NOTE_CHARS, parseTags, type Note } from '@/lib/storage/notes';

/** A save that failed says why in its rejection's message; the draft stays for another try. */
export type SaveNote = (note: Note | undefined) => Promise<void>;

/**
 * A note being written and not saved yet. Whoever shows the card keeps it (in memory only), so that
 * a card closed by a stray pointer or Escape opens again with the draft as it was.
 */
export interface NoteDraft {
  text: string;
  tags: string;
}

/**
 * The reader's own note and tags on this trial, shown wherever the trial appears. Stored on this
 * computer only; the card says so, and warns against anything that identifies a patient.
 */
export function NotesSection({
  note,
  onSave,
  draft,
  onDraft,
}: {
  note?: Note;
  onSave: SaveNote;
  draft?: NoteDraft;
  onDraft?(draft: NoteDraft | undefined): void;
}) {
  const [editing, setEditingState] = useState(draft !== undefined);
  const setEditing = (value: boolean) => {
    setEditingState(value);
    if (!value) onDraft?.(undefined);
  };
  const [error, setError] = useState('');
  /** Closes the editor only once the save is done; a failure keeps the draft and says why. */
  const save = (next: Note | undefined, after: () => void) =>
    onSave(next).then(
      () => {
        setError('');
        after();
        setEditing(false);
      },
      (failure: unknown) =>
        setError(failure instanceof Error ? failure.message : 'The note could not be saved. Try again.'),
    );
  const [text, setTextState] = useState(draft?.text ?? note?.text ?? '');
  const [tags, setTagsState] = useState(draft?.tags ?? note?.tags.join(', ') ?? '');
  const setText = (value: string) => {
    setTextState(value);
    onDraft?.({ text: value, tags });
  };
  const setTags = (value: string) => {
    setTagsState(value);
    onDraft?.({ text, tags: value });
  };
  if (!editing) {
    return (
      <section class="notes" aria-label="Your note">
        {note ? (
          <>
            <h3>Your note</h3>
            <p class="note-text">{note.text}</p>
            {note.tags.length > 0 && <p class="muted">Tags: {note.tags.join(', ')}</p>}
          </>
        ) : null}
        <button type="button" class="link-button" onClick={() => setEditing(true)}>
          {note ? 'Edit your note' : 'Add a note'}
        </button>
      </section>
    );
  }
  return (
    <section class="notes" aria-label="Your note">
      <h3>Your note</h3>
      <p class="warning">
        Kept on this computer only, never sent. Do not write anything that identifies a patient.
      </p>
      <label class="note-field">
        Note
        <textarea
          rows={3}
          maxLength={MAX_NOTE_CHARS}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <label class="note-field">
        Tags, separated by commas
        <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      {error && (
        <p class="warning" role="alert">
          {error}
        </p>
      )}
      <p class="note-actions">
        <button
          type="button"
          onClick={() =>
            void save({ text: text.trim(), tags: parseTags(tags), updatedAt: Date.now() }, () => undefined)
          }
        >
          Save note
        </button>
        {note && (
          <button
            type="button"
            onClick={() =>
              void save(undefined, () => {
                setTextState('');
                setTagsState('');
              })
            }
          >
            Delete note
          </button>
        )}
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </p>
    </section>
  );
}
