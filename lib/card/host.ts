/** Tag of the element that hosts the card's shadow root; the scanner never looks inside it. */
export const CARD_HOST_TAG = 'nct-card';
