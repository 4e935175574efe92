import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Composer, MessageList } from '../features/chat';
import { displayTitle, ResumeDialog, routeConversationId, Sidebar, SEARCH_BOX_ID } from '../features/conversations';
import { loadMarkdown, preloadMarkdown } from '../features/markdown';
import { ConnectStep, KeyOriginDialog, SettingsDialog } from '../features/settings';
import { ToolsPanel } from '../features/tools';
import { useWebSearchShortcut, WebSearchPanel } from '../features/web-search';
import { useT } from '../i18n/useT';
import { whenIdle } from '../ui/idle';
import { useMcpStore } from '../store/mcpStore';
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
import { useDrawers } from './drawers';
import { Header } from './Header';
import { SimulatorNote } from './SimulatorNote';
import { UpdateBanner, watchForUpdates } from './UpdateBanner';
import { StorageAlert } from './StorageAlert';

/** A drawer over the page on narrow screens (class names whole, for Tailwind to find). */
const OVER = {
  left: 'fixed inset-y-0 left-0 z-30 w-[min(100vw,theme(spacing.sidebar))] shadow-2xl',
  right: 'fixed inset-y-0 right-0 z-30 w-[min(100vw,theme(spacing.panel))] shadow-2xl',
};

function ChatScreen() {
  const t = useT();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const { conversations, options, over } = useDrawers();
  // A link's id that is not stored here: it is bound only if the person says Resume.
  const [linkedId, setLinkedId] = useState(() =>
    firstRouteId && !useChatStore.getState().conversations.has(firstRouteId) ? firstRouteId : undefined,
  );
  const activeId = useChatStore((s) => s.activeId);
  const askingAboutKey = useChatStore((s) => !!s.keyConfirmation);
  const importedId = useChatStore((s) => s.idConfirmation?.conversationId);
  const title = useChatStore((s) => displayTitle(t, s.conversations.get(s.activeId)));
  const needsConnection = useNeedsConnection();
  const showConversations = conversations.show;
  useWebSearchShortcut();
  useRouteSync(setLinkedId);
  useGlobalShortcuts({
    onSearch: useCallback(() => {
      showConversations();
      // The drawer renders first on narrow screens; the box is then there to focus.
      requestAnimationFrame(() => document.getElementById(SEARCH_BOX_ID)?.focus());
    }, [showConversations]),
    onHelp: useCallback(() => setShortcutsOpen(true), []),
  });
  // Opening a conversation from the drawer shows it.
  const [drawerFor, setDrawerFor] = useState(activeId);
  if (drawerFor !== activeId) {
    setDrawerFor(activeId);
    if (conversations.open) conversations.close();
  }
  // A drawer that comes over the page takes the focus.
  const overRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (over) overRef.current?.querySelector<HTMLElement>('input, button, textarea, select')?.focus();
  }, [over]);

  return (
    <div
      className={`grid h-full grid-cols-1 md:grid-cols-[theme(spacing.sidebar)_1fr] ${options.open ? 'lg:grid-cols-[theme(spacing.sidebar)_1fr_theme(spacing.panel)]' : ''}`}
    >
      <div
        id="conversations-panel"
        ref={conversations.over ? overRef : undefined}
        data-over={conversations.over || undefined}
        inert={!!over && over !== conversations}
        className={`${conversations.over ? OVER.left : 'hidden'} min-h-0 bg-surface-raised md:static md:block md:w-auto md:shadow-none`}
      >
        <Guarded>
          <Sidebar {...(conversations.over ? { onClose: conversations.close } : {})} />
        </Guarded>
      </div>
      <main inert={!!over} className="flex min-h-0 min-w-0 flex-col">
        <UpdateBanner />
        <SimulatorNote onConnect={() => setSettingsOpen(true)} />
        <DeployNotes />
        <StorageAlert />
        <Header
          title={title}
          id={activeId}
          conversations={conversations}
          options={options}
          onHelp={() => setShortcutsOpen(true)}
          onSettings={() => setSettingsOpen(true)}
        />
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
          <Composer key={activeId} conversationId={activeId} onOpenOptions={options.show} />
        </Guarded>
      </main>
      {/* Beside the chat from 1024 px when open; below that, a drawer. */}
      <div
        id="side-panel"
        ref={options.over ? overRef : undefined}
        data-over={options.over || undefined}
        inert={!!over && over !== options}
        className={`${!options.open ? 'hidden' : options.over ? OVER.right : 'block'} min-h-0 overflow-y-auto border-l border-line bg-surface-raised p-4 lg:static lg:w-auto lg:shadow-none`}
      >
        {options.over && (
          <div className="mb-3 flex justify-end">
            <Button size="sm" variant="ghost" onClick={options.close}>
              {t.app.closeOptions}
            </Button>
          </div>
        )}
        <Guarded>
          <WebSearchPanel />
          <hr className="my-5 border-line" />
          <ToolsPanel />
        </Guarded>
      </div>
      {/* Over the page: a tap beside the drawer closes it. */}
      {over && <div aria-hidden="true" className="fixed inset-0 z-20 bg-black/40" onClick={over.close} />}
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
    reportBadRoute(location.pathname);
    watchForUpdates();
  }, [init]);
  const shown = loaded && rendererReady && deployChecked;
  // What the first screen does not need waits until it is shown: on a slow network these
  // requests would otherwise share the line with the first screen's own.
  useEffect(() => {
    if (!shown) return;
    if (!rendererFirst) preloadMarkdown();
    // The MCP servers the person added, connected off the first screen's path.
    whenIdle(() => useMcpStore.getState().connectAll());
  }, [shown]);
  return shown ? <ChatScreen /> : <p className="p-6 text-sm text-ink-muted">{t.app.loading}</p>;
}
