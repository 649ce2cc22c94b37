/**
 * What tests/e2e/pages/detection.html must look like once marked, in every browser: `tag:ID` of each
 * marked element in document order (text, table, list, a registry link, a link's text, a re-rendered
 * node, content added later; nothing in fields, editors, scripts or look-alikes).
 */
export const DETECTION_PAGE_MARKS = [
  'nctref:NCT06056921',
  'nctref:NCT01234567',
  'nctref:NCT07654321',
  'nctref:NCT00000102',
  'nctref:NCT00000103',
  'a:NCT00000104',
  'nctref:NCT00000105',
  'nctref:NCT00000106',
  'nctref:NCT00000108',
];

/**
 * tests/e2e/pages/joined.html: each frame (by selector) and the one ID it names. In each, the ID runs
 * into the text beside it once the document's text is joined (how the eager detector reads a small
 * document); `#large` has more elements than the detector reads joined, so it is walked.
 */
export const JOINED_PAGE_FRAMES = {
  '#cells': 'NCT00000111',
  '#after-word': 'NCT00000112',
  '#large': 'NCT00000113',
} as const;
