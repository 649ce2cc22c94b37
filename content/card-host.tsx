/**
 * Where the card is drawn: a shadow root added to the page when a card first opens (pages without IDs
 * never see it), with the Preact card rendered inside. The controller decides what to show; this only
 * draws it.
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CardUi, CardView } from '@/lib/card/controller';
import type { NctId } from '@/lib/nct';
import type { Note } from '@/lib/storage/notes';
import { TrialCard } from '@/components/TrialCard';
import type { DistanceContext } from '@/components/card/LocationsSection';

/** Tag of the element that hosts the card's shadow root; the scanner never looks inside it. */
export const CARD_HOST_TAG = 'nct-card';

export interface CardActions {
  close(): void;
  togglePin(): void;
  retry(): void;
  openFullView(id: NctId): void;
  saveNote(id: NctId, note: Note | undefined): Promise<void>;
  turnOffSite(): void;
}

export interface CardHostDeps {
  ctx: ContentScriptContext;
  host: string;
  actions: CardActions;
  note(id: NctId): Note | undefined;
  distance(): DistanceContext | undefined;
}

export function createCardHost(deps: CardHostDeps): CardUi & { prepare(): void; remove(): void } {
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  let mounted: ShadowRootContentScriptUi<HTMLElement> | undefined;
  const prepare = () =>
    (ui ??= createShadowRootUi(deps.ctx, {
      name: CARD_HOST_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }));
  const { actions } = deps;
  return {
    prepare: () => void prepare(),
    async ready() {
      mounted ??= await prepare();
      if (!mounted.mounted) mounted.mount();
    },
    host: () => mounted?.shadowHost,
    render(view: CardView | undefined) {
      const container = mounted?.uiContainer;
      if (!container) return undefined;
      render(
        view ? (
          <TrialCard
            view={view}
            now={Date.now()}
            onClose={actions.close}
            onTogglePin={actions.togglePin}
            onRetry={actions.retry}
            onFullView={() => actions.openFullView(view.id)}
            distance={deps.distance()}
            note={deps.note(view.id)}
            onSaveNote={(note) => actions.saveNote(view.id, note)}
            host={deps.host}
            onTurnOffSite={actions.turnOffSite}
          />
        ) : null,
        container,
      );
      return container.querySelector<HTMLElement>('.card') ?? undefined;
    },
    remove: () => mounted?.remove(),
  };
}
