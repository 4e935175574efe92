// virtual:pwa-register exists only in a build with vite-plugin-pwa: component tests pass their own.
export function registerSW(): never {
  throw new Error('virtual:pwa-register is not available in tests: pass a register function');
}
