import { useCallback, useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs`, so that typing a URL does not check
 * every half-typed host; `settle()` takes the current value at once (the field was left).
 */
export function useSettled<T>(value: T, delayMs: number): [settled: T, settle: () => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  const settle = useCallback(() => setSettled(value), [value]);
  return [settled, settle];
}
