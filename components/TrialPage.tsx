/**
 * The full view of one trial (`trial.html?id=NCT…`): everything a trial information page offers,
 * readable on screen and printable for a doctor's visit. It loads its own data and handles every
 * state: an invalid or unknown ID, the registry unreachable, saved data shown offline.
 */
import { useEffect, useState } from 'preact/hooks';
import { trialError, type TrialResult } from '@/lib/messaging';
import { parseNctId, recordUrl, type NctId } from '@/lib/nct';
import type { Note } from '@/lib/storage/notes';
import { TrialDetails } from './full-view/TrialDetails';

export interface TrialPageProps {
  /** The `id` query parameter as given: anything at all. */
  rawId: string;
  load(id: string): Promise<TrialResult>;
  /** The reader's note on the trial (kept on this computer), if any. */
  loadNote(id: NctId): Promise<Note | undefined>;
  now(): number;
}

export function TrialPage({ rawId, load, loadNote, now }: TrialPageProps) {
  const id = parseNctId(rawId);
  const [result, setResult] = useState<TrialResult | undefined>(
    id ? undefined : { id: rawId, ok: false, error: trialError('invalid-id', rawId || '(no ID)') },
  );
  const [attempt, setAttempt] = useState(0);
  const [note, setNote] = useState<Note | undefined>();
  useEffect(() => {
    if (id) void loadNote(id).then(setNote);
  }, [id]);

  useEffect(() => {
    if (!id) return;
    let current = true;
    setResult(undefined);
    load(id)
      .then((answer) => current && setResult(answer))
      .catch(() => current && setResult({ id, ok: false, error: trialError('network', id) }));
    return () => {
      current = false;
    };
  }, [id, attempt]);

  useEffect(() => {
    const title = result?.ok ? (result.trial.briefTitle ?? result.id) : (id ?? 'Trial');
    document.title = `${id ? `${id}: ` : ''}${title} – NCT hover cards`;
  }, [result, id]);

  return (
    <main class="page" aria-busy={result ? undefined : 'true'}>
      {!result && <p class="loading">Loading {id} from ClinicalTrials.gov…</p>}
      {result && !result.ok && (
        <section class="problem" role="alert">
          <h1>{result.error.code === 'invalid-id' ? 'Not a trial ID' : `Trial ${result.id}`}</h1>
          <p>{result.error.message}</p>
          {result.error.code !== 'invalid-id' && result.error.code !== 'not-found' && (
            <button type="button" onClick={() => setAttempt(attempt + 1)}>
              Try again
            </button>
          )}
          {id && (
            <p>
              <a href={recordUrl(id)}>Look it up on ClinicalTrials.gov</a>
            </p>
          )}
        </section>
      )}
      {result?.ok && <TrialDetails result={result} now={now()} note={note} />}
    </main>
  );
}
