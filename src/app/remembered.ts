// Small choices this device remembers (localStorage); where storage is blocked they are
// simply not remembered.

/** A remembered yes or no; undefined when nothing is stored. */
export function loadFlag(key: string): boolean | undefined {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? undefined : stored === 'true';
  } catch {
    return undefined;
  }
}

export function saveFlag(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // not remembered this time
  }
}
