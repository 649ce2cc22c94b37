import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { realDeps, startBackground } from '@/background/start';

// Wiring only: the background runtime with the real browser, network and clock.
export default defineBackground(() => {
  startBackground(realDeps(browser));
});
