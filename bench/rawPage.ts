// A page the benchmark drives over a CDP session of its own, in a browser context that
// Playwright does not manage (it lets go of targets in contexts it did not make).
// Playwright turns DevTools' network agent on for every page and worker it drives, and
// that agent is not free: it copies every byte the page receives, and at a response's
// end it keeps the thread that read the response busy. No person's browser runs it, so
// the stream pages are measured without it: the same for every page.
import type { Browser } from '@playwright/test';

export interface RawPage {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** The expression's value (awaited when it is a promise), by value. */
  evaluate<T = unknown>(expression: string): Promise<T>;
  /** Polls `expression` every 50 ms until it is truthy. */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  /** Navigates and waits until the document has loaded. */
  goto(url: string): Promise<void>;
  close(): Promise<void>;
}

export async function rawPage(browser: Browser, viewport: { width: number; height: number }): Promise<RawPage> {
  const cdp = await browser.newBrowserCDPSession();
  const { browserContextId } = await cdp.send('Target.createBrowserContext', { disposeOnDetach: true });
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank', browserContextId });
  // Not flattened: messages to the page go through the browser's session, which Playwright's CDP session can send.
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: never; error?: { message: string } };
    const call = message.id === undefined ? undefined : waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id!);
    if (message.error) call.reject(new Error(message.error.message));
    else call.resolve(message.result!);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve: resolve as (result: never) => void, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await send<{
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  };
  /** Where the page is, and what it has loaded: for an error that says why it did not get on. */
  const pageState = () =>
    evaluate<string>(
      `JSON.stringify({ href: location.href, readyState: document.readyState, resources: performance.getEntriesByType('resource').map((r) => r.name.split('/').pop() + (r.responseEnd ? '' : ' (pending)')) })`,
    ).catch((error: unknown) => String(error));
  const waitFor = async (expression: string, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    while (!(await evaluate<boolean>(`!!(${expression})`))) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${expression}; the page: ${await pageState()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await send('Page.enable');
  await send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
  return {
    send,
    evaluate,
    waitFor,
    async goto(url) {
      // The new document, loaded: by its origin, not its address, which the app replaces
      // with its conversation's (/c/ID) as it starts, sometimes before the load is seen.
      // Twice at most, in case a page does not load; the error says where it was.
      const loaded = `location.origin === ${JSON.stringify(new URL(url).origin)} && document.readyState === 'complete'`;
      await send('Page.navigate', { url });
      try {
        await waitFor(loaded, 15_000);
      } catch (error) {
        console.warn(`${String(error)}; navigating again`);
        await send('Page.navigate', { url });
        await waitFor(loaded, 15_000);
      }
    },
    async close() {
      await cdp.send('Target.disposeBrowserContext', { browserContextId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}
