import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { combineHooks } from './scripts/build/combine-hooks';
import { lazyContentHooks } from './scripts/build/lazy-content';
import { pdfjsAssetHooks } from './scripts/build/pdfjs-assets';
import { PDF_SITES } from './lib/pdf/sites';
import { stripUnusedUnsafeCode } from './scripts/build/strip-unused-unsafe-code';

// The only origin the extension ever talks to. Kept in one place so the manifest, the API client and
// the README's privacy promise cannot drift apart.
const API_ORIGIN = 'https://clinicaltrials.gov';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The content script in two parts: a small eager detector, the rest loaded once a page names a trial.
  // pdf.js's worker and data files ship with the PDF viewer.
  hooks: combineHooks(lazyContentHooks(), pdfjsAssetHooks()),
  vite: () => ({
    plugins: [preact(), stripUnusedUnsafeCode()],
  }),
  manifest: ({ manifestVersion }) => ({
    name: 'NCT hover cards',
    description:
      'Hover a ClinicalTrials.gov ID (NCT + 8 digits) on any page to see the trial at a glance. Sends only NCT IDs, only to clinicaltrials.gov.',
    // activeTab: when the reader opens the popup on a tab, its address (to offer our PDF viewer for a
    // PDF the browser shows itself); nothing else is read.
    permissions: ['storage', 'contextMenus', 'activeTab'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+U' },
        description: 'Open the card of the focused trial ID, or the first one in view',
      },
      'next-trial': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next trial ID on the page',
      },
      'previous-trial': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous trial ID on the page',
      },
    },
    host_permissions: [`${API_ORIGIN}/*`],
    // The PDF viewer reads a PDF from its site only after the reader allows that one site, at the
    // moment they ask to open it (pdf/open.ts); nothing is granted at install. (Manifest V2, Firefox's
    // build, lists optional sites with the optional permissions.)
    // `webRequest`: only for the optional "open PDFs in the viewer automatically", asked for when the
    // reader turns it on (background/pdf-auto-open.ts).
    ...(manifestVersion === 2
      ? { optional_permissions: ['webRequest', ...PDF_SITES] }
      : { optional_permissions: ['webRequest'], optional_host_permissions: [...PDF_SITES] }),
    // The card is an extension page framed beside an ID on any page. A dynamic URL (Chrome) changes
    // every session, so pages cannot use the frame's address to fingerprint the extension.
    web_accessible_resources: [{ resources: ['card.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    browser_specific_settings: {
      gecko: {
        id: 'nct-hover-cards@example.org',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
});
