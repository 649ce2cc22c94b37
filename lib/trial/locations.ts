/**
 * Sites: grouped by country with the ones open to participants first, and, when the reader has set a
 * home location (kept on their computer), the nearest open site and the distance to each. Distances
 * are great-circle distances from the registry's own `geoPoint`s; sites without one are listed, never
 * dropped, and never given a guessed distance. Pure.
 */
import { isOpenSiteStatus } from './status';
import type { Site } from './summary';

export interface SiteOverview {
  total: number;
  countries: number;
  openSites: number;
  /** Countries with their sites, open sites first; countries with open sites first, then by size. */
  byCountry: { country: string; sites: Site[]; open: number }[];
}

/**
 * `current`: whether the sites' statuses are current (lib/trial/status.ts, siteStatusesAreCurrent).
 * When they are not, no site counts as open and the registry's order is kept.
 */
export function siteOverview(sites: readonly Site[], current = true): SiteOverview {
  const groups = new Map<string, Site[]>();
  for (const site of sites) {
    const country = site.country ?? 'Country not given';
    const group = groups.get(country);
    if (group) group.push(site);
    else groups.set(country, [site]);
  }
  const isOpen = (site: Site) => current && isOpenSiteStatus(site.status);
  const byCountry = [...groups]
    .map(([country, group]) => ({
      country,
      // Stable sort: within open and within other sites, the registry's order is kept.
      sites: [...group].sort((a, b) => Number(isOpen(b)) - Number(isOpen(a))),
      open: group.filter(isOpen).length,
    }))
    .sort((a, b) => b.open - a.open || b.sites.length - a.sites.length || a.country.localeCompare(b.country));
  return {
    total: sites.length,
    countries: new Set(sites.map((s) => s.country).filter(Boolean)).size,
    openSites: sites.filter(isOpen).length,
    byCountry,
  };
}

/** Where a site is, in words: `Guangzhou, Guangdong` (empty when the record gives neither). */
export function sitePlace(site: Site): string {
  return [site.city, site.state].filter(Boolean).join(', ');
}

export interface Place {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isOpenSite(site: Site): boolean {
  return isOpenSiteStatus(site.status);
}

/** The open site with coordinates nearest to `home`, with its distance, if there is one. */
export function nearestOpenSite(sites: readonly Site[], home: Place): { site: Site; km: number } | undefined {
  let best: { site: Site; km: number } | undefined;
  for (const site of sites) {
    if (!site.geo || !isOpenSite(site)) continue;
    const km = distanceKm(home, site.geo);
    if (!best || km < best.km) best = { site, km };
  }
  return best;
}

/**
 * Sites nearest first, open ones before the rest (a suspended site next door is no use to a patient);
 * sites without coordinates keep their order at the end of each. `current` as for siteOverview.
 */
export function sortByDistance(
  sites: readonly Site[],
  home: Place,
  current = true,
): { site: Site; km?: number }[] {
  const measured = sites.map((site) => ({ site, km: site.geo ? distanceKm(home, site.geo) : undefined }));
  const open = (m: { site: Site }) => (current && isOpenSite(m.site) ? 0 : 1);
  const byDistance = (a: { km?: number }, b: { km?: number }) =>
    a.km === undefined ? (b.km === undefined ? 0 : 1) : b.km === undefined ? -1 : a.km - b.km;
  return measured.sort((a, b) => open(a) - open(b) || byDistance(a, b));
}

export type DistanceUnit = 'km' | 'mi';

/** Miles where road signs use them (the US, the UK, Liberia, Myanmar), kilometres elsewhere. */
export function unitForLocale(locale: string): DistanceUnit {
  return /-(US|GB|LR|MM)\b/i.test(locale) ? 'mi' : 'km';
}

export function formatDistance(km: number, unit: DistanceUnit): string {
  const value = unit === 'mi' ? km / 1.609344 : km;
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded.toLocaleString('en')} ${unit}`;
}
