// What the benchmark reads from a Chromium trace: one clock for the network, the page's
// script and its marks, whichever thread (page or worker) reads the stream.
//
// Script time on the page's main thread is counted as DevTools' "Scripting" counts it:
// every task that runs JavaScript, including promise reactions run as microtasks.
// CDP's ScriptDuration leaves those out, and reading a fetch stream is nearly all microtasks.

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's own CPU time within the span: less than `dur` when the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: { url?: string; requestId?: string; finishTime?: number; cpuProfile?: CpuProfileChunk; timeDeltas?: number[] };
  };
}

/** A piece of V8's sampling profile, as the trace carries it (category `disabled-by-default-v8.cpu_profiler`). */
interface CpuProfileChunk {
  nodes?: { id: number; callFrame: { functionName: string; url?: string; lineNumber?: number } }[];
  samples?: number[];
}

/** The trace category that adds V8's CPU profile of every thread (the page's and its workers'). */
export const CPU_PROFILE_CATEGORY = 'disabled-by-default-v8.cpu_profiler';

/** Events that run script: what they span is script time, less the rendering nested in them. */
const SCRIPT = new Set([
  'FunctionCall',
  'EvaluateScript',
  'RunMicrotasks',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.run',
  'V8.Execute',
  'MinorGC',
  'MajorGC',
]);

/** Style, layout and paint, also when script forces them: not script time. */
const RENDERING = /Layout|Style|Paint|HitTest|Layerize/;

interface Node {
  event: TraceEvent;
  end: number;
  children: Node[];
}

/**
 * The page's main thread ("pid:tid"): the renderer main thread where `mark` was
 * recorded (performance.mark), else the one with the most events.
 */
function pageThread(events: TraceEvent[], mark?: string): string | undefined {
  const marked = mark && markEvent(events, mark);
  if (marked) return `${marked.pid}:${marked.tid}`;
  const mains = threadsNamed(events, 'CrRendererMain');
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The page's main thread, or its process's dedicated workers' threads. */
function threads(events: TraceEvent[], which: 'main' | 'workers', mark?: string): Set<string> {
  const page = pageThread(events, mark);
  if (!page) return new Set();
  if (which === 'main') return new Set([page]);
  const pid = page.split(':')[0];
  return new Set([...threadsNamed(events, 'DedicatedWorker thread')].filter((thread) => thread.split(':')[0] === pid));
}

/** Every thread ("pid:tid") the trace names `name`. */
function threadsNamed(events: TraceEvent[], name: string): Set<string> {
  return new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name).map((e) => `${e.pid}:${e.tid}`));
}

/** The performance.mark `name` (the first), not its metadata. */
const markEvent = (events: TraceEvent[], name: string) => events.find((e) => e.name === name && e.ph !== 'M');

/**
 * Milliseconds of script over the whole trace on the page's main thread (or on its
 * workers' threads), leaving out calls into the script whose URL is `ignoreUrl` (the
 * benchmark's own probe) with everything nested in them. By the clock on the wall
 * (as DevTools counts it), or by the thread's CPU time (`cpu`): on a machine with
 * fewer cores than busy threads, a thread's script also spans the time it waited.
 * The page is the one that recorded `mark`, where given (see pageThread).
 */
export function scriptMs(
  events: TraceEvent[],
  ignoreUrl: string,
  which: 'main' | 'workers' = 'main',
  clock: 'wall' | 'cpu' = 'wall',
  mark?: string,
): number {
  const length = (e: TraceEvent) => (clock === 'cpu' ? (e.tdur ?? e.dur!) : e.dur!);
  const chosen = threads(events, which, mark);
  const roots: Node[] = [];
  for (const thread of chosen) {
    const spans = events
      .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && e.dur !== undefined)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: Node[] = [];
    for (const event of spans) {
      const node: Node = { event, end: event.ts + event.dur!, children: [] };
      while (stack.length && stack[stack.length - 1]!.end <= event.ts) stack.pop();
      (stack.length ? stack[stack.length - 1]!.children : roots).push(node);
      stack.push(node);
    }
  }
  const time = (node: Node, inScript: boolean): number => {
    const { name, args } = node.event;
    if (name === 'FunctionCall' && args?.data?.url === ignoreUrl) return 0;
    const rendering = RENDERING.test(name);
    const script = !rendering && (inScript || SCRIPT.has(name));
    const nested = node.children.reduce((sum, child) => sum + time(child, script), 0);
    if (!script) return nested;
    const self = length(node.event) - node.children.reduce((sum, child) => sum + length(child.event), 0);
    return Math.max(0, self) + nested;
  };
  return roots.reduce((sum, root) => sum + time(root, false), 0) / 1000;
}

/** When the response to the first request whose URL contains `urlPart` began and finished arriving (ms, trace clock). */
export function responseTimes(events: TraceEvent[], urlPart: string): { firstByte: number; lastByte: number } | undefined {
  const requestId = events.find((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.includes(urlPart))?.args?.data?.requestId;
  if (!requestId) return undefined;
  const ofRequest = events.filter((e) => e.args?.data?.requestId === requestId);
  const firstData = ofRequest.filter((e) => e.name === 'ResourceReceivedData').sort((a, b) => a.ts - b.ts)[0];
  // The network's own finish time: a busy page notices the end later, and must not gain by it.
  const finishTime = ofRequest.find((e) => e.name === 'ResourceFinish')?.args?.data?.finishTime;
  if (!firstData || finishTime === undefined) return undefined;
  return { firstByte: firstData.ts / 1000, lastByte: finishTime * 1000 };
}

/** When the page called performance.mark(name) (ms, trace clock). */
export function markTime(events: TraceEvent[], name: string): number | undefined {
  const mark = markEvent(events, name);
  return mark ? mark.ts / 1000 : undefined;
}

/**
 * Self time in ms by function ("name file:line"), from the trace's CPU profile of the
 * page's main thread or of its workers (the trace must include CPU_PROFILE_CATEGORY).
 */
export function selfTimes(events: TraceEvent[], which: 'main' | 'workers', mark?: string): Map<string, number> {
  const chosen = threads(events, which, mark);
  const ids = new Set(events.filter((e) => e.name === 'Profile' && chosen.has(`${e.pid}:${e.tid}`)).map((e) => e.id));
  const out = new Map<string, number>();
  for (const id of ids) {
    const names = new Map<number, string>();
    const samples: number[] = [];
    const deltas: number[] = [];
    for (const e of events) {
      if (e.name !== 'ProfileChunk' || e.id !== id) continue;
      for (const n of e.args?.data?.cpuProfile?.nodes ?? []) {
        const { functionName, url = '', lineNumber = -1 } = n.callFrame;
        names.set(n.id, `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`);
      }
      samples.push(...(e.args?.data?.cpuProfile?.samples ?? []));
      deltas.push(...(e.args?.data?.timeDeltas ?? []));
    }
    // A sample stands for the time until the next one.
    samples.forEach((node, i) => {
      const name = names.get(node);
      if (!name || name.startsWith('(idle)') || name.startsWith('(root)')) return;
      out.set(name, (out.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
    });
  }
  return out;
}
