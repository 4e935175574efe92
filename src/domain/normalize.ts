// One place per rule: the app's UI, its request builder and the simulator all
// normalize Bitseek's fields through these functions, exactly as the server does.

export const TEMPERATURE_MIN = 0;
export const TEMPERATURE_MAX = 2;
export const DEFAULT_TEMPERATURE = 0.7;

export const SEARCH_MODES = ['auto', 'force'] as const;
export const FRESHNESS_VALUES = ['day', 'week', 'month', 'any'] as const;
export const SEARCH_LANGS = ['auto', 'en', 'zh'] as const;
export const MAX_RESULTS_MIN = 1;
export const MAX_RESULTS_MAX = 8;

type SearchMode = (typeof SEARCH_MODES)[number];
type Freshness = (typeof FRESHNESS_VALUES)[number];
type SearchLang = (typeof SEARCH_LANGS)[number];

export interface WebSearchOptions {
  enabled: boolean;
  mode: SearchMode;
  maxResults: number;
  freshness: Freshness;
  lang: SearchLang;
}

export const DEFAULT_WEB_SEARCH: Readonly<WebSearchOptions> = Object.freeze({
  enabled: false,
  mode: 'auto',
  maxResults: 5,
  freshness: 'week',
  lang: 'auto',
});

function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Temperature clamped to 0–2; anything that is not a number becomes the default. */
export function normalizeTemperature(value: unknown, fallback = DEFAULT_TEMPERATURE): number {
  const n = toFiniteNumber(value);
  if (n === undefined) return fallback;
  return Math.min(TEMPERATURE_MAX, Math.max(TEMPERATURE_MIN, n));
}

/** Bitseek accepts booleans, 0/1 and "true"/"false" (any case) for its switches. */
export function normalizeBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
  }
  return undefined;
}

/** Max results normalized to an integer 1–8; not a number gives the default 5. */
export function normalizeMaxResults(value: unknown): number {
  const n = toFiniteNumber(value);
  if (n === undefined) return DEFAULT_WEB_SEARCH.maxResults;
  return Math.min(MAX_RESULTS_MAX, Math.max(MAX_RESULTS_MIN, Math.round(n)));
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  if (typeof value !== 'string') return fallback;
  const v = value.trim().toLowerCase();
  return (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/**
 * Normalizes `enableWebSearch` and the `webSearch` object the way Bitseek's server
 * does: the quick switch wins when both are given; unknown values fall back to
 * the defaults.
 */
export function normalizeWebSearch(webSearch: unknown, enableWebSearch?: unknown): WebSearchOptions {
  const ws = (typeof webSearch === 'object' && webSearch !== null ? webSearch : {}) as Record<string, unknown>;
  const quick = normalizeBoolean(enableWebSearch);
  const inner = normalizeBoolean(ws.enabled);
  return {
    enabled: quick ?? inner ?? DEFAULT_WEB_SEARCH.enabled,
    mode: oneOf(SEARCH_MODES, ws.mode, DEFAULT_WEB_SEARCH.mode),
    maxResults: normalizeMaxResults(ws.maxResults),
    freshness: oneOf(FRESHNESS_VALUES, ws.freshness, DEFAULT_WEB_SEARCH.freshness),
    lang: oneOf(SEARCH_LANGS, ws.lang, DEFAULT_WEB_SEARCH.lang),
  };
}
