// The full run's report: the table and the notes under it, printed, written to bench/results.json and
// between the bench markers of docs/performance.md (the README quotes its headline and links there).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { benchReply } from '../server/benchReply.ts';
import { SCROLL_FRAMES, SCROLL_STEP_PX, VERSIONS, type ScrollRun, type SearchRun, type SwitchRun } from './storedConversations.ts';
import {
  HUGE_SCROLL_STEP_PX,
  TYPING_TARGETS,
  type HugeRun,
  type SwitchingRun,
  type TypingRun,
  type TypingTarget,
} from './longConversations.ts';
import { DELTAS, type StreamRun, type StreamTarget } from './streamPage.ts';

/** What a full run measured: medians over `runs` runs, and each stream page's runs. */
interface FullRun {
  runs: number;
  summary: Record<StreamTarget, StreamRun>;
  raw: Record<StreamTarget, StreamRun[]>;
  /** Opening the 1,000-message conversation, ms. */
  open: number;
  scroll: ScrollRun;
  versions: SwitchRun;
  search: SearchRun;
  /** Runs of the long-conversation parts (medians of these). */
  longRuns: number;
  huge: HugeRun;
  typing: Record<TypingTarget, TypingRun>;
  switching: SwitchingRun;
}

/** The app and its three peers: the stream table's columns and the typing table's rows. */
const COMPARED = TYPING_TARGETS;

/** The pages compared, by the letters the tables and notes use. */
const PAGE_NAMES: Record<TypingTarget, string> = {
  app: '(a) this app',
  naive: '(b) naive react-markdown',
  streamdown: '(c) Streamdown',
  assistantui: '(e) assistant-ui',
};

/** Typing while a reply streams, page by page. */
function typingTable(typing: Record<TypingTarget, TypingRun>): string {
  const rows = [
    [
      '',
      'keystroke to next paint, p95 ms',
      'worst, ms',
      'main thread busy, ms per s of stream',
      'script, ms per s of stream',
      'characters per s',
    ],
    ...COMPARED.map((t) => {
      const r = typing[t];
      return [
        t === 'app' ? `${PAGE_NAMES.app}, at the end of the 5,000 messages` : PAGE_NAMES[t],
        r.p95Ms,
        r.maxMs,
        r.busyMsPerSecond,
        r.scriptMsPerSecond,
        r.charsPerSecond,
      ].map((v) => (typeof v === 'number' ? v.toFixed(0) : v));
    }),
  ];
  return [
    `| ${rows[0]!.join(' | ')} |`,
    `| ${rows[0]!.map(() => '---').join(' | ')} |`,
    ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The long-conversation lines. */
function longNotes({ huge, switching, longRuns }: FullRun): string {
  const s = huge.scroll;
  return [
    `- opening a ${huge.messages.toFixed(0)}-message conversation (${huge.megabytes.toFixed(1)} MB of markdown with code, tables, math and tool calls): ${huge.openMs.toFixed(0)} ms from navigation to the end of its latest reply painted; JS heap after opening ${huge.heapMb.toFixed(0)} MB; scrolling from the end to the start at ${HUGE_SCROLL_STEP_PX} px a frame: ${s.frames.toFixed(0)} frames, ${s.framesDropped.toFixed(0)} dropped (${s.droppedPercent.toFixed(1)} %), longest frame ${s.longestFrameMs.toFixed(0)} ms, ${s.longTasks ? `${s.longTasks.toFixed(0)} tasks of 50 ms or more, the longest ${s.longestTaskMs.toFixed(0)} ms` : 'no task of 50 ms or more'} (medians of ${longRuns})`,
    `- switching between two 1,000-message conversations ${switching.switches} times (from the list): ${switching.medianMs.toFixed(0)} ms median, ${switching.maxMs.toFixed(0)} ms worst, to the other's latest reply painted; JS heap ${switching.heapFirstMb.toFixed(1)} MB after the first switch, ${switching.heapLastMb.toFixed(1)} MB after the last, of which V8's compiled code aside ${switching.dataFirstMb.toFixed(1)} and ${switching.dataLastMb.toFixed(1)} MB (${(((switching.dataLastMb - switching.dataFirstMb) / switching.dataFirstMb) * 100).toFixed(1)} %)`,
  ].join('\n');
}

const ratio = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(1)}×` : '—');

/** The stream pages side by side, with ratios to the app on the script and busy-time rows. */
function streamTable(summary: Record<StreamTarget, StreamRun>): string {
  const a = summary.app;
  const cells = (label: string, key: keyof StreamRun) => [label, ...COMPARED.map((t) => summary[t][key].toFixed(0))];
  const rows = [
    ['', ...COMPARED.map((t) => PAGE_NAMES[t]), 'b ÷ a', 'c ÷ a', 'e ÷ a'],
    cells('main-thread script, ms (tasks and microtasks, from the trace)', 'scriptingMs'),
    cells('main-thread busy (all work: script, style, layout, paint), ms', 'mainThreadMs'),
    cells("main-thread script by the thread's CPU time (less waits for a core), ms", 'scriptingCpuMs'),
    cells('script in workers (off the main thread), ms', 'workerScriptMs'),
    cells("… by the workers' CPU time, ms", 'workerCpuMs'),
    cells('longest long task, ms (0 = none ≥ 50)', 'longestTaskMs'),
    cells('longest frame gap, ms', 'maxFrameGapMs'),
    cells('last byte → final paint, ms', 'lastByteToPaintMs'),
    cells('frames dropped', 'framesDropped'),
    cells('stream duration (first to last byte), ms', 'streamMs'),
  ];
  const ratios = (key: 'scriptingMs' | 'mainThreadMs' | 'scriptingCpuMs') => COMPARED.slice(1).map((t) => ratio(summary[t][key], a[key]));
  rows[1]!.push(...ratios('scriptingMs'));
  rows[2]!.push(...ratios('mainThreadMs'));
  rows[3]!.push(...ratios('scriptingCpuMs'));
  for (const r of rows.slice(4)) r.push('', '', '');
  return [
    `| ${rows[0]!.join(' | ')} |`,
    `| ${rows[0]!.map(() => '---').join(' | ')} |`,
    ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The lines under the table: the reading page, the deltas, the open and scroll, the search. */
function notes({ summary, open, scroll, versions, search }: FullRun): string {
  const a = summary.app;
  return [
    `- reading the stream alone on the main thread (d: fetch-event-source, JSON.parse of every event, nothing rendered): ${summary.reading.scriptingMs.toFixed(0)} ms of script, ${summary.reading.lastByteToPaintMs.toFixed(0)} ms from the last byte to its end on screen — the floor under any client that reads on the main thread (b ÷ d = ${ratio(summary.naive.scriptingMs, summary.reading.scriptingMs)}); the app reads in a worker instead`,
    `- deltas absorbed: ${a.deltasPerSecond.toFixed(0)} per second (${DELTAS} deltas of 4 characters; longest long task ${a.longestTaskMs ? `${a.longestTaskMs.toFixed(0)} ms` : 'none ≥ 50 ms'})`,
    `- opening a 1,000-message conversation: ${open.toFixed(0)} ms from navigation to the last reply rendered; scrolling up through it at ${SCROLL_STEP_PX} px a frame (past ${scroll.messages.toFixed(0)} messages): ${scroll.fps.toFixed(0)} fps, ${scroll.framesDropped.toFixed(0)} of ${SCROLL_FRAMES} frames dropped, longest frame ${scroll.longestFrameMs.toFixed(0)} ms, longest task ${scroll.longestTaskMs ? `${scroll.longestTaskMs.toFixed(0)} ms` : 'none ≥ 50 ms'}`,
    `- switching between ${VERSIONS} versions of a message (Previous version, ${versions.switches} times): ${versions.medianMs.toFixed(0)} ms median, ${versions.maxMs.toFixed(0)} ms worst, from the click to the frame that shows that version's path`,
    `- searching 10,000 conversations: ${search.medianMs.toFixed(1)} ms median, ${search.maxMs.toFixed(1)} ms worst per keystroke (to the list shown); loading them at start: ${search.loadMs} ms`,
  ].join('\n');
}

/** Prints the report, writes bench/results.json, and puts the report between the bench markers of docs/performance.md. */
export function report(run: FullRun, chromium: string): void {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium,
    date: new Date().toISOString().slice(0, 10),
  };
  const table = streamTable(run.summary);
  const extra = `${notes(run)}\n${longNotes(run)}\n\nTyping 200 characters into the composer while a reply streams at a model's pace (4-character deltas 12 ms apart), medians of ${run.longRuns} runs; a keystroke Chrome did not report (under 16 ms) counts as 16:\n\n${typingTable(run.typing)}`;
  const machineLine = `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; Chromium ${machine.chromium}; ${machine.date}; medians of ${run.runs} runs.`;
  console.log(`\n${table}\n\n${extra}\n\n${machineLine}`);
  const results = {
    machine,
    runs: run.runs,
    replyBytes: benchReply().length,
    deltas: DELTAS,
    medians: run.summary,
    raw: run.raw,
    open1000Ms: run.open,
    scroll1000: run.scroll,
    versions200: run.versions,
    search10k: run.search,
    huge5000: run.huge,
    typing: run.typing,
    switching1000: run.switching,
    table,
    extra,
  };
  writeFileSync(resolve(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const block = `<!-- bench:start -->\n${table}\n\n${extra}\n\n${machineLine}\n<!-- bench:end -->`;
  const path = resolve(import.meta.dirname, '../docs/performance.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
  console.log('\nWrote bench/results.json and the table in docs/performance.md');
}
