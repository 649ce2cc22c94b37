/**
 * Starts a spreadsheet would run as a formula: `=`, `+`, `-`, `@` (also their full-width forms, which
 * some spreadsheets normalise), after any leading spaces; or a tab or carriage return.
 */
const FORMULA_START = /^(?:[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;

/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula is prefixed with a quote:
 * registry text and notes must never execute in someone's spreadsheet.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
