// Reads an import file off the main thread: parsing and validating tens of megabytes
// would otherwise freeze the page. Conversations are sent one a message, so that the page
// takes them in many short tasks rather than one long one.
import { readImport } from '../../domain/importRead';
import { SaidError } from '../../i18n';

self.onmessage = async ({ data: file }: MessageEvent<File>) => {
  try {
    const { conversations, invalid, problems } = readImport(await file.text());
    for (const conversation of conversations) self.postMessage({ conversation });
    self.postMessage({ invalid, problems });
  } catch (error) {
    self.postMessage(error instanceof SaidError ? { said: error.said } : { failed: String(error) });
  }
};
