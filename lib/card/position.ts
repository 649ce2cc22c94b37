/**
 * Where the card stands: beside its ID, below if there is room, flipped above if not, shifted to stay
 * inside the viewport, never over the ID itself, and following it as the page scrolls or resizes
 * (@floating-ui/dom, not hand-written geometry).
 */
import { autoUpdate, computePosition, flip, hide, offset, platform, shift, size } from '@floating-ui/dom';

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
    /** The height `size` allows the card in this placement, once worked out. */
    let limit = Infinity;
    // The card is measured at its full height (the `height` its host sets inline) until `size` has
    // limited it, never by taking its `max-height` off: a card shrunk to fit below would otherwise
    // never flip above, where there may be room for all of it, and a card that grows to be measured
    // and shrinks a moment later moves what is under the pointer (a click aimed at "More" right after
    // a pin landed on what the taller card had there: an E2E test failed one run in ten).
    const measured: typeof platform = {
      ...platform,
      async getDimensions(element) {
        const box = await platform.getDimensions(element);
        const full = element === card ? parseFloat(card.style.height) : NaN;
        return Number.isFinite(full) ? { width: box.width, height: Math.min(full, limit) } : box;
      },
    };
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      platform: measured,
      middleware: [
        offset(6),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight }) {
            limit = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, availableHeight));
            card.style.maxHeight = `${limit}px`;
          },
        }),
        hide(),
      ],
    }).then(({ x, y, middlewareData }) => {
      Object.assign(card.style, { left: `${x}px`, top: `${y}px` });
      if (middlewareData.hide?.referenceHidden) onReferenceHidden();
    });
  });
