/**
 * The reader's home location and distance unit, in `storage.local` only: never sent anywhere, used
 * only to show distances to trial sites. Plain storage calls (no storage library) keep the content
 * script small; every read is checked, since storage is a boundary too.
 */
import { browser } from 'wxt/browser';
import type { DistanceUnit } from '../trial/locations';
import { NEWER_MESSAGE, STORAGE_KEYS, StorageWriteError, isNewer, writeItems } from './index';

/** Version 1: `{ v: 1, lat, lon, label, source }`. A future shape gets a new version and a migration here. */
export const HOME_KEY = STORAGE_KEYS.home;
export const UNIT_KEY = STORAGE_KEYS.distanceUnit;

export interface HomeLocation {
  v: 1;
  lat: number;
  lon: number;
  /** What the reader chose, in words ("Guangzhou, Guangdong, China", "This device's location"). */
  label: string;
  source: 'device' | 'place';
}

export type UnitSetting = 'auto' | DistanceUnit;

export function readHome(value: unknown): HomeLocation | undefined {
  const home = value as Partial<HomeLocation> | null | undefined;
  if (!home || home.v !== 1) return undefined;
  const { lat, lon, label, source } = home;
  if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return undefined;
  if (typeof label !== 'string' || (source !== 'device' && source !== 'place')) return undefined;
  return { v: 1, lat, lon, label, source };
}

export function readUnit(value: unknown): UnitSetting {
  return value === 'km' || value === 'mi' ? value : 'auto';
}

export async function loadDistanceSettings(): Promise<{ home?: HomeLocation; unit: UnitSetting }> {
  const stored = await browser.storage.local.get([HOME_KEY, UNIT_KEY]);
  return { home: readHome(stored[HOME_KEY]), unit: readUnit(stored[UNIT_KEY]) };
}

/** Saves (or, with `undefined`, forgets) the home location; a newer version's home is left alone. */
export async function saveHome(home: HomeLocation | undefined): Promise<void> {
  const stored = (await browser.storage.local.get(HOME_KEY))[HOME_KEY];
  if (isNewer(stored, 1)) throw new StorageWriteError('newer', NEWER_MESSAGE);
  if (home) await writeItems(browser.storage.local, { [HOME_KEY]: home });
  else await browser.storage.local.remove(HOME_KEY);
}

export async function saveUnit(unit: UnitSetting): Promise<void> {
  await writeItems(browser.storage.local, { [UNIT_KEY]: unit });
}
