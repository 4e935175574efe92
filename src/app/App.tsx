import { Suspense, useCallback, useEffect, useState } from 'react';
import { Composer, MessageList } from '../features/chat';
import { ConversationIdField, displayTitle, ResumeDialog, routeConversationId, Sidebar, SEARCH_BOX_ID } from '../features/conversations';
import { loadMarkdown, preloadMarkdown } from '../features/markdown';
import { ConnectStep, KeyOriginDialog, SettingsDialog } from '../features/settings';
import { ToolsPanel } from '../features/tools';
import { useWebSearchShortcut, WebSearchPanel } from '../features/web-search';
import { useT } from '../i18n/useT';
import { useChatStore } from '../store/chatStore';
import { useDeployStore, useNeedsConnection } from '../store/deployStore';
import { loadLastActive } from '../store/lastActive';
import { Button } from '../ui/Button';
import { Guarded } from '../ui/ErrorBoundary';
import { Toasts } from '../ui/Toasts';
import { useAppearance } from './appearance';
import { ReplyAnnouncer } from './ReplyAnnouncer';
import { reportBadRoute, useRouteSync } from './routes';
import { useGlobalShortcuts } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { DeployNotes } from './DeployNotes';
import { SimulatorNote } from './SimulatorNote';
import { UpdateBanner, watchForUpdates } from './UpdateBanner';
import { StorageAlert } from './StorageAlert';

/** A panel beside the chat on wide screens, a drawer over it on narrow ones (class names whole, for Tailwind to find). */
const DRAWER = {
  left: 'fixed inset-y-0 left-0 z-20 block w-[min(100vw,theme(spacing.sidebar))] shadow-2xl',
  right: 'fixed inset-y-0 right-0 z-20 block w-[min(100vw,theme(spacing.panel))] shadow-2xl',
};
const drawer = (open: boolean, side: keyof typeof DRAWER) => (open ? DRAWER[side] : 'hidden');

function ChatScreen() {
  const t = useT();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [conversationsOpen, setConversationsOpen] = useState(false);
  // A link's id that is not stored here: it is bound only if the person says Resume.
  const [linkedId, setLinkedId] = useState(() =>
    firstRouteId && !useChatStore.getState().conversations.has(firstRouteId) ? firstRouteId : undefined,
  );
  const activeId = useChatStore((s) => s.activeId);
  const askingAboutKey = useChatStore((s) => !!s.keyConfirmation);
  const importedId = useChatStore((s) => s.idConfirmation?.conversationId);
  const title = useChatStore((s) => displayTitle(t, s.conversations.get(s.activeId)));
  const needsConnection = useNeedsConnection();
  useWebSearchShortcut();
  useRouteSync(setLinkedId);
  useGlobalShortcuts({
    onSearch: useCallback(() => {
      setConversationsOpen(true);
      // The drawer renders first on narrow screens; the box is then there to focus.
      requestAnimationFrame(() => document.getElementById(SEARCH_BOX_ID)?.focus());
    }, []),
    onHelp: useCallback(() => setShortcutsOpen(true), []),
  });
  // Opening a conversation from the drawer shows it.
  const [drawerFor, setDrawerFor] = useState(activeId);
  if (drawerFor !== activeId) {
    setDrawerFor(activeId);
    setConversationsOpen(false);
  }

  return (
    <div className="grid h-full grid-cols-1 md:grid-cols-[theme(spacing.sidebar)_1fr] xl:grid-cols-[theme(spacing.sidebar)_1fr_theme(spacing.panel)]">
      <div
        id="conversations-panel"
        className={`${drawer(conversationsOpen, 'left')} min-h-0 bg-surface-raised md:static md:block md:w-auto md:shadow-none`}
      >
        <Guarded>
          <Sidebar {...(conversationsOpen ? { onClose: () => setConversationsOpen(false) } : {})} />
        </Guarded>
      </div>
      <main className="flex min-h-0 min-w-0 flex-col">
        <UpdateBanner />
        <SimulatorNote />
        <DeployNotes />
        <StorageAlert />
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-line px-4 py-2">
          <Button
            size="sm"
            className="md:hidden"
            aria-expanded={conversationsOpen}
            aria-controls="conversations-panel"
            onClick={() => setConversationsOpen((o) => !o)}
          >
            {t.app.conversations}
          </Button>
          {/* On a phone the title gives its row to the buttons: the Conversations drawer shows it. */}
          <h1 className="sr-only min-w-[8rem] flex-1 basis-32 truncate text-sm font-semibold sm:not-sr-only">{title}</h1>
          <ConversationIdField id={activeId} className="order-last basis-full sm:order-none sm:basis-auto" />
          <div className="ml-auto flex gap-1">
            <Button
              size="sm"
              className="xl:hidden"
              aria-expanded={optionsOpen}
              aria-controls="side-panel"
              onClick={() => setOptionsOpen((o) => !o)}
            >
              {t.app.options}
            </Button>
            <Button size="sm" variant="ghost" aria-label={t.app.shortcuts} title={t.app.shortcuts} onClick={() => setShortcutsOpen(true)}>
              <span aria-hidden="true">?</span>
            </Button>
            <Button size="sm" onClick={() => setSettingsOpen(true)}>
              {t.app.settings}
            </Button>
          </div>
        </header>
        <Guarded key={`view:${activeId}`}>
          {needsConnection ? (
            <Suspense fallback={null}>
              <ConnectStep />
            </Suspense>
          ) : (
            <MessageList key={`messages:${activeId}`} />
          )}
        </Guarded>
        <Guarded>
          <Composer key={activeId} conversationId={activeId} />
        </Guarded>
      </main>
      {/* Beside the chat from 1280 px; below that, a drawer behind "Options". */}
      <div
        id="side-panel"
        className={`${drawer(optionsOpen, 'right')} min-h-0 overflow-y-auto border-l border-line bg-surface-raised p-4 xl:static xl:block xl:w-auto xl:shadow-none`}
      >
        <div className="mb-3 flex justify-end xl:hidden">
          <Button size="sm" variant="ghost" onClick={() => setOptionsOpen(false)}>
            {t.app.closeOptions}
          </Button>
        </div>
        <Guarded>
          <WebSearchPanel />
          <hr className="my-5 border-line" />
          <ToolsPanel />
        </Guarded>
      </div>
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog open onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
      {linkedId && (
        <Suspense fallback={null}>
          <ResumeDialog key={linkedId} open linkedId={linkedId} onClose={() => setLinkedId(undefined)} />
        </Suspense>
      )}
      {importedId && (
        <Suspense fallback={null}>
          <ResumeDialog
            key={`import:${importedId}`}
            open
            linkedId={importedId}
            from="import"
            onResume={() => useChatStore.getState().confirmImportedId()}
            onClose={() => useChatStore.getState().cancelIdConfirmation()}
          />
        </Suspense>
      )}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      {askingAboutKey && (
        <Suspense fallback={null}>
          <KeyOriginDialog />
        </Suspense>
      )}
      <ReplyAnnouncer />
      <Toasts />
    </div>
  );
}

// The conversation the page was opened at (read once: the app is mounted once a page). A
// link to a conversation, or one to reopen: its replies are the first screen, so the
// renderer loads as the app starts, beside its first render and the conversations, not after.
const firstRouteId = routeConversationId(location.pathname);
const rendererFirst = (firstRouteId ?? loadLastActive()) ? loadMarkdown() : undefined;

export function App() {
  const loaded = useChatStore((s) => s.loaded);
  const init = useChatStore((s) => s.init);
  const t = useT();
  const [rendererReady, setRendererReady] = useState(!rendererFirst);
  const deployChecked = useDeployStore((s) => s.checked);
  useAppearance();
  useEffect(() => {
    void init(firstRouteId, useDeployStore.getState().start());
    if (rendererFirst) void rendererFirst.then(() => setRendererReady(true));
    else preloadMarkdown();
    reportBadRoute(location.pathname);
    watchForUpdates();
  }, [init]);
  return loaded && rendererReady && deployChecked ? <ChatScreen /> : <p className="p-6 text-sm text-ink-muted">{t.app.loading}</p>;
}
