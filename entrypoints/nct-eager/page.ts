// Wiring only: the part of the content script loaded once the page names a trial (content/eager.ts).
// Built as its own ES module by scripts/build/lazy-content.ts, not as a WXT entrypoint.
import type { PageModule } from '@/content/eager';
import { startContentScript } from '@/content/main';

export const start: PageModule['start'] = startContentScript;
