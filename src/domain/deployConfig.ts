// config.json: a deployer's defaults, read at start from beside index.html. Every key is
// optional; a key that is unknown or of the wrong kind is reported and left out, and the
// rest still apply. It never holds the API key.
import { said, type Said } from '../i18n';
import { FRESHNESS_VALUES, MAX_RESULTS_MAX, MAX_RESULTS_MIN, SEARCH_LANGS, SEARCH_MODES, type WebSearchOptions } from './normalize';

export interface DeployConfig {
  /** The Endpoint URL a person starts with. */
  endpoint?: string;
  /** The model a person starts with. */
  model?: string;
  /** Models offered in Settings' Model field. */
  models?: string[];
  /** The web-search options a new chat starts from. */
  webSearch?: Partial<WebSearchOptions>;
  /** A line shown at the top of the app (who runs it, where to ask). */
  note?: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    values.includes(v as T);
const isMaxResults = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= MAX_RESULTS_MIN && (v as number) <= MAX_RESULTS_MAX;

/** Each web-search field's check: the panel's own values. */
const WEB_SEARCH_FIELDS: Record<keyof WebSearchOptions, (v: unknown) => boolean> = {
  enabled: (v) => typeof v === 'boolean',
  mode: oneOf(SEARCH_MODES),
  maxResults: isMaxResults,
  freshness: oneOf(FRESHNESS_VALUES),
  lang: oneOf(SEARCH_LANGS),
};

/** Longest text a string field may hold: a config is a few lines, not a document. */
const MAX_TEXT = 2000;
const isText = (v: unknown): v is string => isString(v) && v.trim() !== '' && v.length <= MAX_TEXT;

export interface ReadConfig {
  config: DeployConfig;
  /** What was left out, and why, to report on the page and in the console. */
  problems: Said[];
}

/** A parsed config.json, checked key by key. */
export function readDeployConfig(value: unknown): ReadConfig {
  const problems: Said[] = [];
  const config: DeployConfig = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { config, problems: [said('configNotObject')] };
  for (const [key, v] of Object.entries(value)) {
    if (key === 'endpoint' || key === 'model' || key === 'note') {
      if (isText(v)) config[key] = v.trim();
      else problems.push(said('configBadValue', key));
    } else if (key === 'models') {
      if (Array.isArray(v) && v.length > 0 && v.length <= 100 && v.every(isText)) config.models = v.map((m) => m.trim());
      else problems.push(said('configBadValue', key));
    } else if (key === 'webSearch') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        problems.push(said('configBadValue', key));
        continue;
      }
      const webSearch: Record<string, unknown> = {};
      for (const [field, fieldValue] of Object.entries(v)) {
        const valid = Object.hasOwn(WEB_SEARCH_FIELDS, field) && WEB_SEARCH_FIELDS[field as keyof WebSearchOptions](fieldValue);
        if (valid) webSearch[field] = fieldValue;
        else problems.push(said(Object.hasOwn(WEB_SEARCH_FIELDS, field) ? 'configBadValue' : 'configUnknownKey', `webSearch.${field}`));
      }
      config.webSearch = webSearch as Partial<WebSearchOptions>;
    } else if (key === 'apiKey' || key === 'key') problems.push(said('configNoKey'));
    else problems.push(said('configUnknownKey', key));
  }
  return { config, problems };
}
