import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startEagerScript } from '@/content/eager';

// Wiring only. The manifest's content script (every frame of every page): listed there by
// scripts/build/lazy-content.ts, because a WXT content script entrypoint would build WXT's content
// script context in every frame, which the eager part does without (content/eager.ts).
export default defineUnlistedScript(() => startEagerScript());
