import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useHeldRuns } from './useHeldRuns';

/** Runs the pending fill task, as the browser would between paints. */
const nextTask = () => act(() => void vi.runOnlyPendingTimers());

describe('holding back a backlog of block runs', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('holds nothing at the first render, however many runs: a reply opened renders whole', () => {
    const { result } = renderHook(() => useHeldRuns(300));
    expect(result.current.from).toBe(result.current.to);
  });

  it('holds nothing when a few runs come at once (the stream keeps up)', () => {
    const { result, rerender } = renderHook(({ count }) => useHeldRuns(count), { initialProps: { count: 10 } });
    rerender({ count: 14 });
    expect(result.current.from).toBe(result.current.to);
  });

  it('renders the last runs of a backlog first, then the rest from the first, a step per task', () => {
    const { result, rerender } = renderHook(({ count }) => useHeldRuns(count), { initialProps: { count: 0 } });
    rerender({ count: 200 });
    // Runs 196–199 show now; 0–195 wait.
    expect(result.current).toEqual({ from: 0, to: 196 });
    const froms = [];
    while (result.current.from < result.current.to) {
      nextTask();
      froms.push(result.current.from);
    }
    expect(froms).toEqual([48, 96, 144, 192, 196]);
    nextTask();
    expect(result.current).toEqual({ from: 196, to: 196 });
  });

  it('a backlog that grows while it is filled goes on to the new runs', () => {
    const { result, rerender } = renderHook(({ count }) => useHeldRuns(count), { initialProps: { count: 0 } });
    rerender({ count: 100 });
    nextTask();
    expect(result.current).toEqual({ from: 48, to: 96 });
    rerender({ count: 160 });
    expect(result.current).toEqual({ from: 48, to: 156 });
  });

  it('never holds more runs than there are once the text is replaced by a shorter one', () => {
    const { result, rerender } = renderHook(({ count }) => useHeldRuns(count), { initialProps: { count: 0 } });
    rerender({ count: 100 });
    rerender({ count: 20 });
    expect(result.current.to).toBeLessThanOrEqual(20);
    expect(result.current.from).toBeLessThanOrEqual(result.current.to);
  });
});
