// How the local simulator says what it is (GET {base}/simulator, no key needed), shared by
// the simulator and the app: the app shows its simulator note only when this answers.
export const SIMULATOR_IDENTITY = { object: 'simulator', name: 'Bitseek simulator' } as const;

export const isSimulatorIdentity = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { object?: unknown }).object === SIMULATOR_IDENTITY.object;
