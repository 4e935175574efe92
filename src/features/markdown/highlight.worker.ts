// Highlighting off the main thread: highlight.js's common grammars through lowlight
// load, compile and run here; the page gets a syntax tree back, never an HTML string.
import { common, createLowlight } from 'lowlight';

export interface HighlightRequest {
  id: number;
  code: string;
  language: string;
}

const lowlight = createLowlight(common);

self.onmessage = ({ data }: MessageEvent<HighlightRequest>) => {
  const tree = lowlight.registered(data.language) ? lowlight.highlight(data.language, data.code) : null;
  self.postMessage({ id: data.id, tree });
};
