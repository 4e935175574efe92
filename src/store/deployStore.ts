// Where the app runs, found out at start (see api/deployment.ts): a deployer's config.json,
// whether the local simulator answers at the endpoint, whether the /bitseek/v1 proxy does.
import { create } from 'zustand';
import { fetchDeployConfig, proxyAnswers, simulatorAnswers } from '../api/deployment';
import { readDeployConfig, type DeployConfig } from '../domain/deployConfig';
import { normalizeWebSearch } from '../domain/normalize';
import { en, say, type Said } from '../i18n';
import { useSettingsStore, type Settings } from './settingsStore';

interface DeployState {
  /** The start checks are done (or timed out). */
  checked: boolean;
  config: DeployConfig;
  /** What config.json had that was left out, and why. */
  problems: Said[];
  /** The endpoint the simulator answered at, if any. */
  simulatorAt?: string;
  /** The endpoint something answered at that is not the simulator (offline, nothing is known). */
  absentAt?: string;
  /** The same-origin proxy to Bitseek answers. */
  proxy: boolean;
  start: () => Promise<void>;
}

const ENDPOINT_REST_MS = 500;

/** A deployer's config as settings defaults. */
function defaultsFrom(config: DeployConfig): Partial<Settings> {
  const s = useSettingsStore.getState();
  return {
    ...(config.endpoint && { endpoint: config.endpoint }),
    ...(config.model && { model: config.model }),
    ...(config.webSearch && { lastWebSearch: normalizeWebSearch({ ...s.lastWebSearch, ...config.webSearch }) }),
  };
}

export const useDeployStore = create<DeployState>()((set, get) => {
  /** Asks whether the simulator answers at the endpoint now; again once a changed endpoint rests. */
  let asked = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started: Promise<void> | undefined;
  const check = async (endpoint: string) => {
    asked = endpoint;
    const answers = await simulatorAnswers(endpoint);
    if (asked === endpoint) set({ simulatorAt: answers ? endpoint : undefined, absentAt: answers === false ? endpoint : undefined });
  };

  return {
    checked: false,
    config: {},
    problems: [],
    proxy: false,

    start() {
      return (started ??= runChecks());
    },
  };

  /** The start checks, once a page, however often start() is called (StrictMode runs effects twice). */
  async function runChecks(): Promise<void> {
    // The endpoint in use is asked about while config.json is read; again only if the config changes it.
    const before = useSettingsStore.getState().endpoint;
    const asking = check(before);
    const file = await fetchDeployConfig();
    const { config, problems } = file.value === undefined ? { config: {}, problems: [] } : readDeployConfig(file.value);
    if (file.problem) problems.unshift(file.problem);
    // Reported where a deployer looks first, in English (the page says it in the reader's language).
    for (const problem of problems) console.warn(say(en, problem));
    useSettingsStore.getState().applyDefaults(defaultsFrom(config));
    const endpoint = useSettingsStore.getState().endpoint;
    await (endpoint === before ? asking : check(endpoint));
    // Only where the connect step may show: its Endpoint URL starts at the proxy when that answers.
    const proxy = !!get().absentAt && (await proxyAnswers());
    set({ checked: true, config, problems, proxy });
    useSettingsStore.subscribe((s, previous) => {
      if (s.endpoint === previous.endpoint) return;
      clearTimeout(timer);
      timer = setTimeout(() => void check(s.endpoint), ENDPOINT_REST_MS);
    });
  }
});

/** The local simulator answers at the endpoint in use: replies are made up on this machine. */
export function useSimulatorHere(): boolean {
  const endpoint = useSettingsStore((s) => s.endpoint);
  return useDeployStore((d) => d.simulatorAt === endpoint);
}

/**
 * No simulator (something else answered where it would be), and no endpoint set by the
 * person or the deployer: the connect step shows, and nothing can be sent.
 */
export function useNeedsConnection(): boolean {
  const endpoint = useSettingsStore((s) => s.endpoint);
  const chosen = useSettingsStore((s) => s.chosen.includes('endpoint'));
  return useDeployStore((d) => d.checked && d.absentAt === endpoint && !chosen && !d.config.endpoint);
}
