import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  formatDistance,
  nearestOpenSite,
  siteOverview,
  sortByDistance,
  unitForLocale,
} from '@/lib/trial/locations';
import type { Site } from '@/lib/trial/summary';

describe('site overview', () => {
  const sites: Site[] = [
    { facility: 'A', country: 'Germany', status: 'COMPLETED', contacts: [] },
    { facility: 'B', country: 'China', status: 'NOT_YET_RECRUITING', contacts: [] },
    { facility: 'C', country: 'China', status: 'RECRUITING', contacts: [] },
    { facility: 'D', country: 'Germany', status: 'RECRUITING', contacts: [] },
    { facility: 'E', country: 'Germany', contacts: [] },
    { facility: 'F', contacts: [] },
  ];

  it('counts sites, countries and open sites', () => {
    expect(siteOverview(sites)).toMatchObject({ total: 6, countries: 2, openSites: 3 });
  });

  it('puts open sites first, in countries with open sites first', () => {
    const groups = siteOverview(sites).byCountry.map((g) => [g.country, g.sites.map((s) => s.facility)]);
    expect(groups).toEqual([
      ['China', ['B', 'C']],
      ['Germany', ['D', 'A', 'E']],
      ['Country not given', ['F']],
    ]);
  });
});

describe('distances between known places', () => {
  // Great-circle distances between city centres, as published by common distance calculators.
  const cities = {
    london: { lat: 51.5074, lon: -0.1278 },
    paris: { lat: 48.8566, lon: 2.3522 },
    newYork: { lat: 40.7128, lon: -74.006 },
    losAngeles: { lat: 34.0522, lon: -118.2437 },
    sydney: { lat: -33.8688, lon: 151.2093 },
    melbourne: { lat: -37.8136, lon: 144.9631 },
    madrid: { lat: 40.4168, lon: -3.7038 },
    barcelona: { lat: 41.3874, lon: 2.1686 },
    guangzhou: { lat: 23.1291, lon: 113.2644 },
    chongqing: { lat: 29.563, lon: 106.5516 },
  };
  it.each([
    ['London', cities.london, 'Paris', cities.paris, 344],
    ['New York', cities.newYork, 'Los Angeles', cities.losAngeles, 3936],
    ['Sydney', cities.sydney, 'Melbourne', cities.melbourne, 714],
    ['Madrid', cities.madrid, 'Barcelona', cities.barcelona, 505],
    ['Guangzhou', cities.guangzhou, 'Chongqing', cities.chongqing, 979],
  ])('%s – %s ≈ %s… km', (_a, a, _b, b, km) => {
    expect(distanceKm(a, b)).toBeGreaterThan(km * 0.99);
    expect(distanceKm(a, b)).toBeLessThan(km * 1.01);
    expect(distanceKm(b, a)).toBeCloseTo(distanceKm(a, b), 6);
  });

  it('is zero from a place to itself', () => {
    expect(distanceKm(cities.paris, cities.paris)).toBe(0);
  });
});

describe('nearest site and sorting', () => {
  const home = { lat: 51.5074, lon: -0.1278 }; // London
  const sites: Site[] = [
    { facility: 'Paris, recruiting', status: 'RECRUITING', geo: { lat: 48.8566, lon: 2.3522 }, contacts: [] },
    { facility: 'Oxford, completed', status: 'COMPLETED', geo: { lat: 51.752, lon: -1.2577 }, contacts: [] },
    { facility: 'No coordinates, recruiting', status: 'RECRUITING', contacts: [] },
    {
      facility: 'Cambridge, not yet recruiting',
      status: 'NOT_YET_RECRUITING',
      geo: { lat: 52.2053, lon: 0.1218 },
      contacts: [],
    },
  ];

  it('finds the nearest site open to participants, ignoring closed ones and ones without coordinates', () => {
    const nearest = nearestOpenSite(sites, home);
    expect(nearest?.site.facility).toBe('Cambridge, not yet recruiting');
    expect(nearest?.km).toBeGreaterThan(78);
    expect(nearest?.km).toBeLessThan(82);
  });

  it('has no nearest site when no open site has coordinates', () => {
    expect(nearestOpenSite([sites[1] as Site, sites[2] as Site], home)).toBeUndefined();
  });

  it('sorts open sites first, each by distance, sites without coordinates at the end', () => {
    expect(sortByDistance(sites, home).map((s) => s.site.facility)).toEqual([
      'Cambridge, not yet recruiting',
      'Paris, recruiting',
      'No coordinates, recruiting',
      'Oxford, completed',
    ]);
  });

  it('sorts only by distance when the site statuses are not current (an UNKNOWN trial)', () => {
    expect(sortByDistance(sites, home, false).map((s) => s.site.facility)).toEqual([
      'Cambridge, not yet recruiting',
      'Oxford, completed',
      'Paris, recruiting',
      'No coordinates, recruiting',
    ]);
  });

  it('counts no site as open when the statuses are not current', () => {
    expect(siteOverview(sites).openSites).toBe(3);
    expect(siteOverview(sites, false).openSites).toBe(0);
  });

  it.each([
    ['en-US', 'mi'],
    ['en-GB', 'mi'],
    ['de-DE', 'km'],
    ['fr', 'km'],
    ['zh-CN', 'km'],
  ])('uses %s → %s', (locale, unit) => {
    expect(unitForLocale(locale)).toBe(unit);
  });

  it.each([
    [80.47, 'km', '80 km'],
    [80.47, 'mi', '50 mi'],
    [3.21, 'km', '3.2 km'],
    [3936.4, 'km', '3,936 km'],
  ] as const)('%s km in %s → %s', (km, unit, text) => {
    expect(formatDistance(km, unit)).toBe(text);
  });
});
