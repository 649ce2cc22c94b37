import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import rows from '@/lib/places/cities.json';
import { citiesFromRows, searchPlaces, type CityRow } from '@/lib/places/search';

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
