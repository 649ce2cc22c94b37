/**
 * The reader's settings, one versioned item in `storage.local`. Read by the content script, so checked
 * by hand (no zod there): a field that is missing or of the wrong type falls back to its default
 * instead of breaking the page. Older versions are migrated when read.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_TIMING, type CardTiming } from '../card/timing';
import { NEWER_MESSAGE, STORAGE_KEYS, StorageWriteError, isNewer, writeItems } from './index';

export const SETTINGS_KEY = STORAGE_KEYS.settings;
export const SETTINGS_VERSION = 2;

export interface Settings {
  v: 2;
  /** When cards open and close; Page Previews' timing by default (lib/card/timing.ts). */
  delays: CardTiming;
  /** A small status chip after each ID, once its data is here. */
  chips: boolean;
  /** Look up the IDs near the visible part of a page before they are hovered. */
  prefetch: boolean;
  /** The number of trials on the page, on the toolbar button. */
  badge: boolean;
  /** Sites (host names) where the extension does nothing. */
  offSites: string[];
  /** PDFs opened in a tab go to the extension's PDF viewer (needs a permission the reader grants). */
  pdfAutoOpen: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  v: 2,
  delays: DEFAULT_TIMING,
  chips: false,
  prefetch: true,
  badge: true,
  offSites: [],
  pdfAutoOpen: false,
};

/** Version 1 (the first settings shape): off sites were `disabledHosts`; there were no delays or badge. */
interface SettingsV1 {
  v: 1;
  disabledHosts?: unknown;
  chips?: unknown;
  prefetch?: unknown;
}

const bool = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
const delay = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 5000 ? value : fallback;
const hosts = (value: unknown) =>
  Array.isArray(value)
    ? value.filter((h): h is string => typeof h === 'string' && /^[\w.-]+(:\d+)?$/.test(h))
    : [];

/** Any stored value → current settings: migrated if older, defaults for what is missing or wrong. */
export function migrateSettings(raw: unknown): Settings {
  const value = raw as Partial<Settings> | SettingsV1 | null | undefined;
  if (!value || typeof value !== 'object') return DEFAULT_SETTINGS;
  if (value.v === 1) {
    return {
      ...DEFAULT_SETTINGS,
      chips: bool(value.chips, DEFAULT_SETTINGS.chips),
      prefetch: bool(value.prefetch, DEFAULT_SETTINGS.prefetch),
      offSites: hosts(value.disabledHosts),
    };
  }
  if (value.v !== 2) return DEFAULT_SETTINGS;
  const d = (value.delays ?? {}) as Partial<CardTiming>;
  return {
    v: 2,
    delays: {
      fetchDelayMs: delay(d.fetchDelayMs, DEFAULT_TIMING.fetchDelayMs),
      showDelayMs: delay(d.showDelayMs, DEFAULT_TIMING.showDelayMs),
      hideDelayMs: delay(d.hideDelayMs, DEFAULT_TIMING.hideDelayMs),
    },
    chips: bool(value.chips, DEFAULT_SETTINGS.chips),
    prefetch: bool(value.prefetch, DEFAULT_SETTINGS.prefetch),
    badge: bool(value.badge, DEFAULT_SETTINGS.badge),
    offSites: hosts(value.offSites),
    pdfAutoOpen: bool(value.pdfAutoOpen, DEFAULT_SETTINGS.pdfAutoOpen),
  };
}

export async function loadSettings(): Promise<Settings> {
  return migrateSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/**
 * Changes some settings, keeping the others. Settings written by a newer version of the extension are
 * never overwritten with this version's shape (the reader is told to update instead).
 */
export async function saveSettings(change: Partial<Omit<Settings, 'v'>>): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (isNewer(stored, SETTINGS_VERSION)) throw new StorageWriteError('newer', NEWER_MESSAGE);
  const next = migrateSettings({ ...migrateSettings(stored), ...change, v: SETTINGS_VERSION });
  await writeItems(browser.storage.local, { [SETTINGS_KEY]: next });
  return next;
}

/** Calls `onChange` with the new settings whenever they change; returns the unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>) => {
    if (SETTINGS_KEY in changes) onChange(migrateSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export function isOffOn(settings: Settings, host: string): boolean {
  return settings.offSites.includes(host);
}

export async function setSiteOff(host: string, off: boolean): Promise<Settings> {
  const { offSites } = await loadSettings();
  const rest = offSites.filter((h) => h !== host);
  return saveSettings({ offSites: off ? [...rest, host] : rest });
}
