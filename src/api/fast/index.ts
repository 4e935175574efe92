// The fast path: everything in src/api that exists for speed, not for the protocol.
// A newcomer can read src/api (stream.ts, sse.ts, chunk.ts) without it; it is what makes
// a ~200 KB reply stream without a long task on a 2-core machine (docs/performance.md).
//
//   streamClient.ts        streamReply: streamChat run in a worker (stream.worker.ts,
//                          messages in streamWorkerProtocol.ts), events back in batches
//   eventStreamBody.ts     reads the response body for fetch-event-source: in slices on a
//                          page, cut at line ends (lineCutter.ts), text-only events joined
//                          into runs in the worker (textRuns.ts)
//   rawLog.ts              the raw events kept compactly, as the stream's bytes, for the inspector
export { streamReply, warmStreamWorker } from './streamClient';
export { RawLog } from './rawLog';
