// Parsing markdown takes time super-linear in a block's size for some shapes (setext
// headings, brackets, long lists: micromark's resolvers walk every event of the block
// again), so a long block is first rendered in a worker, timed, with a deadline there.
// Only a block that renders within budget there is rendered on the page; the others
// show as plain text, and say so.
import { useEffect, useState } from 'react';
import type { ParseCheckReply, ParseCheckRequest } from './parseCheck.worker';

/** Blocks up to this long are rendered at once: at this size even the slowest shapes parse fast enough. */
export const UNCHECKED_CHARS = 1000;
/** A block that takes longer than this in the worker is not rendered on the page. */
export const PARSE_BUDGET_MS = 100;
/** Blocks are formatted in one task until they have taken this long; the others wait for the next task. */
const TASK_BUDGET_MS = 50;
/** A check still running after this is stopped (its worker ended): the block is over budget. */
const DEADLINE_MS = 10 * PARSE_BUDGET_MS;
/** Checks are remembered by the start of their block (a streaming block is checked as it grows): for this many starts, */
const REMEMBERED = 100;
/** this many blocks each. */
const PER_HEAD = 16;
const HEAD = 200;

/** A check's result: the text checked and how long it took (Infinity: over the deadline, or failed). */
export interface Check {
  text: string;
  ms: number;
}

export type Verdict =
  /** `check`: a check is asked for meanwhile, for the block as it grows. */
  | { kind: 'render'; check: boolean }
  /** Waiting for a check; `lagging` is a version of the block that was within budget. */
  | { kind: 'wait'; lagging?: string }
  | { kind: 'overBudget' };

const checks = new Map<string, Check[]>();
const headOf = (text: string) => text.slice(0, HEAD);

/** Whether `a` and `b` are versions of one block: one grown from the other, give or take a repaired end (see repairTail). */
function related(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return longer.startsWith(shorter.slice(0, Math.floor(shorter.length * 0.9)));
}

/**
 * What to do with a block now, from the check of it (or of a shorter or longer version
 * of it, as it streams): its cost is taken to grow with the square of its length.
 */
export function verdictFor(text: string, known: ReadonlyMap<string, readonly Check[]> = checks): Verdict {
  const relevant = known.get(headOf(text))?.find((check) => related(text, check.text));
  if (text.length <= UNCHECKED_CHARS) return { kind: 'render', check: !relevant && text.length > UNCHECKED_CHARS / 2 };
  if (!relevant) return { kind: 'wait' };
  const predicted = relevant.ms * Math.max(1, (text.length / relevant.text.length) ** 2);
  if (predicted <= PARSE_BUDGET_MS) return { kind: 'render', check: false };
  if (relevant.ms > PARSE_BUDGET_MS) return { kind: 'overBudget' };
  return { kind: 'wait', lagging: relevant.text };
}

function remember(check: Check): void {
  const head = headOf(check.text);
  const kept = (checks.get(head) ?? []).filter((other) => !related(other.text, check.text)).slice(-(PER_HEAD - 1));
  checks.delete(head);
  checks.set(head, [...kept, check]);
  if (checks.size > REMEMBERED) checks.delete(checks.keys().next().value!);
}

/** The worker, and whether it is ready (its parser warmed up): a check's deadline runs from when it starts. */
let worker: { thread: Worker; ready: boolean } | undefined;
/** No worker could start here: long blocks are then not formatted, rather than formatted unchecked. */
let broken = false;
/** A worker not ready after this has not started. */
const STARTUP_MS = 10_000;
/** The fastest the worker has rendered its sample: how fast this machine is when nothing else runs. */
let fastestSample = Infinity;

/**
 * A check timed while the machine was busy (the sample took longer than it can) counts
 * for less: a block is not left unformatted because something else ran at that moment.
 */
function busyFactor(sampleMs: number): number {
  fastestSample = Math.min(fastestSample, sampleMs);
  return sampleMs > 0 ? Math.min(1, fastestSample / sampleMs) : 1;
}

let running: { id: number; head: string; text: string; deadline: ReturnType<typeof setTimeout> } | undefined;
let nextId = 1;
/** The latest text asked for per block start, in the order asked. */
const queue = new Map<string, string>();
const listeners = new Map<string, Set<() => void>>();

function settle(head: string, check: Check): void {
  remember(check);
  for (const listener of listeners.get(head) ?? []) listener();
}

/** Ends the worker; the check it was running is over budget. */
function stopWorker(): void {
  worker?.thread.terminate();
  worker = undefined;
  if (!running) return;
  clearTimeout(running.deadline);
  const { head, text } = running;
  running = undefined;
  settle(head, { text, ms: Infinity });
}

function startWorker(): typeof worker {
  try {
    const thread = new Worker(new URL('./parseCheck.worker.ts', import.meta.url), { type: 'module' });
    const started = { thread, ready: false };
    const fail = () => {
      if (!started.ready) broken = true;
      stopWorker();
      runNext();
    };
    const startup = setTimeout(fail, STARTUP_MS);
    thread.onmessage = ({ data }: MessageEvent<ParseCheckReply | 'ready'>) => {
      if (data === 'ready') {
        clearTimeout(startup);
        started.ready = true;
      } else if (running?.id === data.id) {
        clearTimeout(running.deadline);
        const { head, text } = running;
        running = undefined;
        settle(head, { text, ms: data.ms * busyFactor(data.sampleMs) });
      }
      runNext();
    };
    thread.onerror = () => {
      clearTimeout(startup);
      fail();
    };
    return started;
  } catch {
    broken = true;
    return undefined;
  }
}

function runNext(): void {
  if (running) return;
  if (!broken) worker ??= startWorker();
  for (const [head, text] of queue) {
    if (!broken && !worker?.ready) return; // runs again once it is
    queue.delete(head);
    if (broken) {
      settle(head, { text, ms: Infinity });
      continue;
    }
    const id = nextId++;
    const deadline = setTimeout(() => {
      stopWorker();
      runNext();
    }, DEADLINE_MS);
    running = { id, head, text, deadline };
    worker!.thread.postMessage({ id, text, budgetMs: PARSE_BUDGET_MS } satisfies ParseCheckRequest);
    return;
  }
}

/** Starts the worker ahead of the first long block: it loads and warms up its parser first. */
export function startParseChecks(): void {
  runNext();
}

/** Asks for `text` to be checked (a newer version of the same block replaces one still waiting); `done` is called with each result for its block. */
function requestCheck(text: string, done: () => void): () => void {
  const head = headOf(text);
  let set = listeners.get(head);
  if (!set) listeners.set(head, (set = new Set()));
  set.add(done);
  if (running?.head !== head || running.text !== text) {
    queue.delete(head);
    queue.set(head, text);
  }
  runNext();
  return () => {
    set.delete(done);
    if (set.size) return;
    listeners.delete(head);
    queue.delete(head);
  };
}

/** Time spent formatting blocks in this task (set back to 0 in the next). */
let spent = 0;

/** Whether this task has spent its time on formatting: a block not formatted yet waits for the next. */
export const overTaskBudget = () => spent >= TASK_BUDGET_MS;

/** Formats a block, counting the time against this task's budget. */
export function timed<T>(format: () => T): T {
  const start = performance.now();
  try {
    return format();
  } finally {
    if (spent === 0) setTimeout(() => (spent = 0));
    spent += performance.now() - start || Number.EPSILON;
  }
}

/** The verdict for a block, checked in the worker when it needs to be (and again as it grows). */
export function useParseVerdict(text: string): Verdict {
  const [checked, setChecked] = useState(0);
  const verdict = verdictFor(text);
  const ask = verdict.kind === 'wait' || (verdict.kind === 'render' && verdict.check);
  useEffect(() => (ask ? requestCheck(text, () => setChecked((n) => n + 1)) : undefined), [text, ask, checked]);
  return verdict;
}
