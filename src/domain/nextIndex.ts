/**
 * Where `needle` next occurs at or after a position, remembered: asked again and again from
 * positions that only grow, it scans the text once (a linear scan, on any input).
 */
export function nextIndex(text: string, needle: string): (from: number) => number {
  let asked = Infinity;
  let found = -1;
  return (from) => {
    if (from < asked || (found !== -1 && from > found)) found = text.indexOf(needle, from);
    asked = from;
    return found;
  };
}
