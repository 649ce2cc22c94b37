/**
 * What tests/e2e/pages/detection.html must look like once marked, in every browser: `tag:ID` of each
 * marked element in document order (text, table, list, a registry link, a link's text, a re-rendered
 * node, content added later; nothing in fields, editors, scripts or look-alikes).
 */
export const DETECTION_PAGE_MARKS = [
  'nct-ref:NCT06056921',
  'nct-ref:NCT01234567',
  'nct-ref:NCT07654321',
  'nct-ref:NCT00000102',
  'nct-ref:NCT00000103',
  'a:NCT00000104',
  'nct-ref:NCT00000105',
  'nct-ref:NCT00000106',
  'nct-ref:NCT00000108',
];
