/**
 * One CSV cell (RFC 4180). A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
 * prefixed with a quote: registry text and notes must never execute in someone's spreadsheet.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
