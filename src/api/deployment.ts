// What the app finds out at start about where it runs: a deployer's config.json beside
// index.html, whether the local simulator answers at the endpoint, and whether the
// same-origin /bitseek/v1 proxy answers. Each is a GET without the key, bounded in time.
import { isSimulatorIdentity } from '../domain/simulator';
import { said, type Said } from '../i18n';
import { BITSEEK_PROXY_ENDPOINT, isBitseekEndpoint, modelsUrl, simulatorUrl } from './endpoint';
import { textAtMost } from './errors';

/** Start is held for these checks: never longer than this. */
const CHECK_MS = 2500;
/** A config is a few lines. */
const CONFIG_BYTES = 64 * 1024;

const get = (url: string) =>
  fetch(url, { credentials: 'omit', redirect: 'manual', cache: 'no-store', signal: AbortSignal.timeout(CHECK_MS) });

const isJsonType = (response: Response) => /^application\/(.+\+)?json\b/i.test(response.headers.get('content-type') ?? '');

/**
 * config.json's parsed value; nothing when there is none: a 404, or a static host's SPA
 * fallback answering with index.html. A file that is there but not JSON is a problem.
 */
export async function fetchDeployConfig(
  url = new URL(`${import.meta.env.BASE_URL}config.json`, location.origin).href,
): Promise<{ value?: unknown; problem?: Said }> {
  let text: string;
  try {
    const response = await get(url);
    if (!response.ok) return {};
    text = await textAtMost(response, CONFIG_BYTES);
    if (/^\s*</.test(text) || /html/i.test(response.headers.get('content-type') ?? '')) return {};
  } catch {
    return {};
  }
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: said('configNotJson', error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * Whether the local simulator answers at this endpoint (never asked of Bitseek itself):
 * undefined when nothing answered at all (offline, say), which tells nothing.
 */
export async function simulatorAnswers(endpoint: string): Promise<boolean | undefined> {
  if (isBitseekEndpoint(endpoint)) return false;
  let response: Response;
  try {
    response = await get(simulatorUrl(endpoint));
  } catch {
    return undefined;
  }
  try {
    return response.ok && isJsonType(response) && isSimulatorIdentity(JSON.parse(await textAtMost(response, CONFIG_BYTES)));
  } catch {
    return false;
  }
}

/** Whether the same-origin proxy to Bitseek answers: with JSON, whatever its status (401 without a key). */
export async function proxyAnswers(): Promise<boolean> {
  try {
    return isJsonType(await get(modelsUrl(BITSEEK_PROXY_ENDPOINT)));
  } catch {
    return false;
  }
}
