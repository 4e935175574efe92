// The messages between the page and the stream worker (stream.worker.ts).
import type { ChatErrorKind } from '../../domain/types';
import type { Said } from '../../i18n';
import type { ChatRequest } from '../request';
import type { RawChunk, WireChunk } from './rawLog';
import type { StreamEvent } from '../stream';

export type ToStreamWorker =
  { type: 'start'; id: number; request: ChatRequest; firstByteTimeoutMs?: number } | { type: 'abort'; id: number };

/** What arrived since the last batch: events in order (text pieces joined), raw events as one chunk or as the event stream's bytes. */
export interface WorkerBatch {
  events: { event: Exclude<StreamEvent, { type: 'raw' }>; at: number }[];
  raw: RawChunk;
  wire?: WireChunk;
}

/** A ChatError as data: a class does not survive postMessage. */
interface WireError {
  kind: ChatErrorKind;
  said: Said;
  status?: number;
  retryAfter?: string;
}

export type WireOutcome = { status: 'complete' } | { status: 'cancelled' } | { status: 'failed'; error: WireError };

export type FromStreamWorker =
  { type: 'ready' } | { type: 'events'; id: number; batch: WorkerBatch } | { type: 'end'; id: number; outcome: WireOutcome };
