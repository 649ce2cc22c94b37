/**
 * The card frame's runtime: an extension page (card.html) that the content script shows beside an ID.
 * It asks the background for the trial and reads the reader's note, home location and distance unit
 * from storage itself: none of it passes through the web page, which cannot read a cross-origin
 * frame, see the keys typed into it or click its controls. From its parent it takes only "show this
 * ID", "hide" and "take focus" (lib/card/frame-protocol.ts), as untrusted input.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { TrialCard } from '@/components/TrialCard';
import type { DistanceContext } from '@/components/card/LocationsSection';
import { frameMessage, readToFrame, type FromFrame } from '@/lib/card/frame-protocol';
import { sendToBackground, trialError, type TrialResult } from '@/lib/messaging';
import type { NctId } from '@/lib/nct';
import { HOME_KEY, UNIT_KEY, loadDistanceSettings, saveHome } from '@/lib/storage/home';
import { loadNote, noteIdOfKey, noteKey, saveNote, type Note } from '@/lib/storage/notes';
import type { NoteDraft } from '@/components/card/NotesSection';
import { unitForLocale } from '@/lib/trial/locations';

interface Shown {
  id: NctId;
  result?: TrialResult;
  pinned: boolean;
  note?: Note;
}

/** A trial's data and the reader's note on it, as the frame last asked for them. */
interface Loaded {
  result: TrialResult;
  note?: Note;
}

export function startCardFrame(root: HTMLElement): void {
  let shown: Shown | undefined;
  /**
   * Whether the card drawn is the one the reader sees. A preloaded trial is drawn ahead while no card
   * is up, painted but transparent in the page and inert here (no focus, nothing for screen readers):
   * at the show deadline only the page's opacity and this flag change, no render on the critical path.
   */
  let visible = false;
  let distance: DistanceContext | undefined;
  /** Each show gets a number: answers for an earlier show are dropped. */
  let generation = 0;
  /** Asked for at the hover intent, kept for the show that follows (only the last few). */
  const preloaded = new Map<NctId, Promise<Loaded>>();
  /** Unsaved note drafts, per trial, for the life of the page: a card closed by a stray pointer loses none. */
  const drafts = new Map<NctId, NoteDraft>();

  function fetchTrial(id: NctId): Promise<Loaded> {
    const failed = { id, ok: false as const, error: trialError('network', id) };
    return Promise.all([
      sendToBackground({ type: 'getTrials', ids: [id] }).then(
        ([answer]) => answer ?? failed,
        () => failed,
      ),
      loadNote(id).catch(() => undefined),
    ]).then(([result, note]) => ({ result, note }));
  }

  function preload(id: NctId): Promise<Loaded> {
    const existing = preloaded.get(id);
    if (existing) return existing;
    const loading = fetchTrial(id);
    preloaded.set(id, loading);
    const oldest = preloaded.keys().next();
    if (preloaded.size > 8 && !oldest.done) preloaded.delete(oldest.value);
    return loading;
  }

  // The parent is the web page's window: it receives these, and so may the page. Public only.
  const post = (message: FromFrame) => window.parent.postMessage(frameMessage(message), '*');

  const dialog = () => root.querySelector<HTMLElement>('[role="dialog"]');
  const focusDialog = () => dialog()?.focus();

  function setVisible(value: boolean): void {
    visible = value;
    root.inert = !value;
  }

  function draw(): void {
    const view = shown;
    render(
      view ? (
        <TrialCard
          view={{ id: view.id, result: view.result, pinned: view.pinned }}
          now={Date.now()}
          onClose={() => post({ type: 'close', restoreFocus: true })}
          onTogglePin={() => {
            view.pinned = !view.pinned;
            post({ type: 'togglePin' });
            draw();
          }}
          onRetry={() => void load(view.id, ++generation, true)}
          onFullView={(section) => void sendToBackground({ type: 'openFullView', id: view.id, section })}
          distance={distance}
          note={view.note}
          onSaveNote={(note) => saveNote(view.id, note)}
          draft={drafts.get(view.id)}
          onDraft={(draft) => (draft ? drafts.set(view.id, draft) : drafts.delete(view.id))}
          onSetHome={(pick) => void saveHome({ v: 1, ...pick, source: 'place' }).catch(() => undefined)}
          onTurnOffSite={() => post({ type: 'turnOffSite' })}
        />
      ) : null,
      root,
    );
  }

  /** Shows a trial: from what was preloaded when there is something (then at once), else asks. */
  async function load(id: NctId, run: number, fresh = false): Promise<void> {
    if (fresh) preloaded.delete(id);
    const loading = preload(id);
    const early = await Promise.race([loading, Promise.resolve(undefined)]);
    if (!early && shown?.id === id) {
      shown.result = undefined;
      draw();
    }
    const { result, note } = early ?? (await loading);
    // A preload serves one show: the next hover asks again (the background's cache answers).
    if (preloaded.get(id) === loading) preloaded.delete(id);
    if (run !== generation || shown?.id !== id) return;
    shown.result = result;
    shown.note = note;
    draw();
  }

  const readDistance = () =>
    loadDistanceSettings().then(({ home, unit }) => {
      distance = home && { home, unit: unit === 'auto' ? unitForLocale(navigator.language) : unit };
      draw();
    });

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const command = readToFrame(event.data);
    if (!command) return;
    if (command.type === 'hide') {
      shown = undefined;
      setVisible(false);
      generation++;
      draw();
    } else if (command.type === 'focus') {
      focusDialog();
    } else if (command.type === 'preload') {
      void preload(command.id).then(({ result, note }) => {
        // Drawn ahead (inert here, transparent in the page), unless a card is up or another was asked for since.
        if (visible || (shown && shown.id !== command.id) || preloaded.get(command.id) === undefined) return;
        shown = { id: command.id, pinned: false, result, note };
        draw();
      });
    } else {
      const staged = !visible && shown?.id === command.id && shown.result !== undefined;
      // The same card again: only whether it is pinned changed (a click on its ID).
      if (visible && shown?.id === command.id) {
        shown.pinned = command.pinned;
        draw();
        return;
      }
      setVisible(true);
      if (staged && shown) {
        if (shown.pinned !== command.pinned) {
          shown.pinned = command.pinned;
          draw();
        }
        // The preload served this show: the next hover asks again (the background's cache answers).
        preloaded.delete(command.id);
      } else if (shown?.id !== command.id || !shown.result) {
        shown = { id: command.id, pinned: command.pinned };
        void load(command.id, ++generation);
      }
      if (command.focus) requestAnimationFrame(focusDialog);
    }
  });

  // Clicking or typing in the card pins it: work in progress is never lost to a stray pointer (WCAG
  // 1.4.13). Only the reader's own input: the page cannot reach into this frame to fake it.
  const pinOnInteraction = (event: Event) => {
    if (!event.isTrusted || !visible || !shown || shown.pinned) return;
    // The pin button pins (or unpins) by itself.
    if (event.target instanceof Element && event.target.closest('.pin')) return;
    shown.pinned = true;
    post({ type: 'togglePin' });
    draw();
  };
  root.addEventListener('pointerdown', pinOnInteraction);
  root.addEventListener('input', pinOnInteraction);

  // Keys typed here never reach the page: Escape is the card's own.
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && shown) {
      event.preventDefault();
      post({ type: 'close', restoreFocus: true });
    }
  });

  // A control that re-renders away takes focus with it: give focus back to the card. Only while this
  // frame still has the window's focus: focus the reader (or the close) moved to the page stays there.
  root.addEventListener('focusout', (event) => {
    if (event.relatedTarget !== null) return;
    setTimeout(() => {
      if (visible && document.hasFocus() && document.activeElement === document.body) focusDialog();
    }, 0);
  });

  browser.storage.onChanged.addListener((changes) => {
    if (HOME_KEY in changes || UNIT_KEY in changes) void readDistance();
    for (const key of Object.keys(changes)) {
      const changed = noteIdOfKey(key);
      if (changed) preloaded.delete(changed);
    }
    if (shown && noteKey(shown.id) in changes) {
      const id = shown.id;
      void loadNote(id).then((note) => {
        if (shown?.id === id) {
          shown.note = note;
          draw();
        }
      });
    }
  });

  setVisible(false);
  void readDistance();
  post({ type: 'ready' });
}
