/**
 * Where the card stands: beside its ID, below if there is room, flipped above if not, shifted to stay
 * inside the viewport, never over the ID itself, and following it as the page scrolls or resizes
 * (@floating-ui/dom, not hand-written geometry).
 */
import { autoUpdate, computePosition, flip, hide, offset, shift, size } from '@floating-ui/dom';

/** Keeps `card` placed beside `reference` until the returned function is called. */
export type Positioner = (
  reference: HTMLElement,
  card: HTMLElement,
  onReferenceHidden: () => void,
) => () => void;

const MAX_HEIGHT = 560;
const MIN_HEIGHT = 160;

export const floatingPositioner: Positioner = (reference, card, onReferenceHidden) =>
  autoUpdate(reference, card, () => {
    // Measured at its full height: a card shrunk to fit below would otherwise never flip above,
    // where there may be room for all of it.
    card.style.maxHeight = '';
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            card.style.maxHeight = `${Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, availableHeight))}px`;
          },
        }),
        hide(),
      ],
    }).then(({ x, y, middlewareData }) => {
      Object.assign(card.style, { left: `${x}px`, top: `${y}px` });
      if (middlewareData.hide?.referenceHidden) onReferenceHidden();
    });
  });
