import type { ImportRead } from '../../domain/importRead';
import type { Conversation } from '../../domain/types';
import { said, SaidError, type Said } from '../../i18n';

/** The largest file an import reads: larger ones are refused, with their size and this limit. */
const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

type Answer = { conversation: Conversation } | { invalid: number; problems: string[] } | { said: Said } | { failed: string };

/** On the page, where no worker can start: the validator (zod) loads then, not with the first screen. */
const readOnPage = async (file: File) => (await import('../../domain/importRead')).readImport(await file.text());

/** Reads and validates an export file in a worker (on the page where none can start). Throws a readable error. */
export async function readImportFile(file: File): Promise<ImportRead> {
  if (file.size > IMPORT_MAX_BYTES) throw new SaidError(said('importTooLarge', file.size / 1024 / 1024, IMPORT_MAX_BYTES / 1024 / 1024));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readOnPage(file);
  }
  const conversations: Conversation[] = [];
  const answer = await new Promise<Exclude<Answer, { conversation: Conversation }> | undefined>((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<Answer>) => {
      if ('conversation' in data) conversations.push(data.conversation);
      else resolve(data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      resolve(undefined);
    };
    worker.postMessage(file);
  }).finally(() => worker.terminate());
  if (!answer) return readOnPage(file); // the worker's script failed to load
  if ('invalid' in answer) return { conversations, invalid: answer.invalid, problems: answer.problems };
  throw new SaidError('said' in answer ? answer.said : said('unexpected', answer.failed));
}
