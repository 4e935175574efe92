// Numbers derived from the runs and from a page's frames.

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The p-th percentile (0–100), nearest rank. */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** Each field's median over the runs, in the runs' field order. */
export const medians = <T extends Record<keyof T, number>>(runs: T[]): T =>
  Object.fromEntries((Object.keys(runs[0]!) as (keyof T)[]).map((k) => [k, median(runs.map((x) => x[k]))])) as T;

/** From requestAnimationFrame's timestamps: frames a second, frames missed at 60 Hz, and the longest gap. */
export function frameGaps(frames: number[]): { fps: number; dropped: number; longest: number } {
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
  return {
    fps: gaps.length ? (1000 * gaps.length) / (frames[frames.length - 1]! - frames[0]!) : 0,
    dropped: gaps.reduce((n, gap) => n + Math.max(0, Math.round(gap / (1000 / 60)) - 1), 0),
    longest: Math.max(0, ...gaps),
  };
}
