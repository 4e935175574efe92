import { describe, expect, it } from 'vitest';
import { normalizeBoolean, normalizeMaxResults, normalizeTemperature, normalizeWebSearch } from './normalize';

describe('normalizeTemperature', () => {
  it.each([
    [-1, 0],
    [0, 0],
    [0.7, 0.7],
    [2, 2],
    [2.5, 2],
    ['1.2', 1.2],
    ['', 0.7],
    [Number.NaN, 0.7],
    [undefined, 0.7],
    ['hot', 0.7],
  ])('%s → %s', (input, expected) => expect(normalizeTemperature(input)).toBe(expected));
});

describe('normalizeMaxResults', () => {
  it.each([
    [0, 1],
    [1, 1],
    [8, 8],
    [9, 8],
    [20, 8],
    [2.5, 3],
    ['3', 3],
    ['', 5],
    [Number.NaN, 5],
    [null, 5],
  ])('%s → %s', (input, expected) => expect(normalizeMaxResults(input)).toBe(expected));
});

describe('normalizeBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['TRUE', true],
    ['false', false],
    ['yes', undefined],
    [2, undefined],
  ])('%s → %s', (input, expected) => expect(normalizeBoolean(input)).toBe(expected));
});

describe('normalizeWebSearch', () => {
  it('gives the documented defaults for nothing', () => {
    expect(normalizeWebSearch(undefined)).toEqual({ enabled: false, mode: 'auto', maxResults: 5, freshness: 'week', lang: 'auto' });
  });

  it('reads every field and drops unknown values to defaults', () => {
    expect(normalizeWebSearch({ enabled: 'TRUE', mode: 'FORCE', maxResults: 20, freshness: 'day', lang: 'zh' })).toEqual({
      enabled: true,
      mode: 'force',
      maxResults: 8,
      freshness: 'day',
      lang: 'zh',
    });
    expect(normalizeWebSearch({ enabled: 1, mode: 'always', freshness: 'year', lang: 'fr' })).toMatchObject({
      mode: 'auto',
      freshness: 'week',
      lang: 'auto',
    });
  });

  it('lets the quick switch win over webSearch.enabled', () => {
    expect(normalizeWebSearch({ enabled: true }, false).enabled).toBe(false);
    expect(normalizeWebSearch({ enabled: false }, 'true').enabled).toBe(true);
    expect(normalizeWebSearch({ enabled: 0 }, undefined).enabled).toBe(false);
  });
});
