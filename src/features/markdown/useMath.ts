import { useEffect, useState } from 'react';

type MathModule = typeof import('./math');
let mathModule: Promise<unknown> | undefined;
let loadedMath: MathModule | undefined;
let mathFailed = false;

export const loadMath = () =>
  (mathModule ??= import('./math').then(
    (m) => (loadedMath = m),
    () => (mathFailed = true),
  ));

/**
 * The math plugins for a block that has math, loaded the first time one does:
 * `waiting` while they load (the math is then left out rather than shown raw), and
 * neither once they could not load (the math then shows as written).
 */
export function useMath(needed: boolean): { module?: MathModule; waiting: boolean } {
  const [, loaded] = useState(0);
  useEffect(() => {
    if (!needed || loadedMath || mathFailed) return;
    let live = true;
    void loadMath().then(() => live && loaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [needed]);
  return needed ? { module: loadedMath, waiting: !loadedMath && !mathFailed } : { waiting: false };
}
