/**
 * The sites a PDF may come from, as permission patterns: asked for one at a time when the reader opens
 * a PDF from a site that does not let the viewer read it (pdf/open.ts), or all at once when the reader
 * turns on opening PDFs in the viewer automatically (background/pdf-auto-open.ts). Never at install.
 */
export const PDF_SITES = ['https://*/*', 'http://*/*'];

/** What "open PDFs automatically" needs: to see which pages the reader opens are PDFs. */
export const AUTO_OPEN_PERMISSIONS = { permissions: ['webRequest' as const], origins: PDF_SITES };
