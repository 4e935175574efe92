import { Suspense, useEffect, useState } from 'react';
import { Composer, MessageList } from '../features/chat';
import { ConversationIdField, routeConversationId, Sidebar } from '../features/conversations';
import { preloadMarkdown } from '../features/markdown';
import { KeyOriginDialog, SettingsDialog } from '../features/settings';
import { ToolsPanel } from '../features/tools';
import { useWebSearchShortcut, WebSearchPanel } from '../features/web-search';
import { useChatStore } from '../store/chatStore';
import { Button } from '../ui/Button';
import { Toasts } from '../ui/Toasts';
import { reportBadRoute, useRouteSync } from './routes';
import { SimulatorNote } from './SimulatorNote';
import { StorageAlert } from './StorageAlert';

function ChatScreen() {
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const activeId = useChatStore((s) => s.activeId);
  const askingAboutKey = useChatStore((s) => !!s.keyConfirmation);
  const title = useChatStore((s) => s.conversations[s.activeId]?.title ?? 'New chat');
  useWebSearchShortcut();
  useRouteSync();
  return (
    <div className="grid h-full grid-cols-1 md:grid-cols-[theme(spacing.sidebar)_1fr] xl:grid-cols-[theme(spacing.sidebar)_1fr_theme(spacing.panel)]">
      <div className="hidden min-h-0 md:block">
        <Sidebar />
      </div>
      <main className="flex min-h-0 min-w-0 flex-col">
        <SimulatorNote />
        <StorageAlert />
        <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-line px-4 py-2">
          <h1 className="min-w-0 flex-1 truncate text-sm font-semibold">{title}</h1>
          <ConversationIdField id={activeId} />
          <Button size="sm" className="xl:hidden" aria-expanded={optionsOpen} aria-controls="side-panel" onClick={() => setOptionsOpen((o) => !o)}>
            Options
          </Button>
          <Button size="sm" onClick={() => setSettingsOpen(true)}>
            Settings
          </Button>
        </header>
        <MessageList />
        <Composer key={activeId} conversationId={activeId} />
      </main>
      {/* Beside the chat from 1280 px; below that, a drawer behind "Options". */}
      <div
        id="side-panel"
        className={`${optionsOpen ? 'fixed inset-y-0 right-0 z-20 block w-[min(100vw,theme(spacing.panel))] shadow-2xl' : 'hidden'} min-h-0 overflow-y-auto border-l border-line bg-surface-raised p-4 xl:static xl:block xl:w-auto xl:shadow-none`}
      >
        <div className="mb-3 flex justify-end xl:hidden">
          <Button size="sm" variant="ghost" onClick={() => setOptionsOpen(false)}>
            Close options
          </Button>
        </div>
        <WebSearchPanel />
        <hr className="my-5 border-line" />
        <ToolsPanel />
      </div>
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog open onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
      {askingAboutKey && (
        <Suspense fallback={null}>
          <KeyOriginDialog />
        </Suspense>
      )}
      <Toasts />
    </div>
  );
}

export function App() {
  const loaded = useChatStore((s) => s.loaded);
  const init = useChatStore((s) => s.init);
  useEffect(() => {
    void init(routeConversationId(location.pathname));
    preloadMarkdown();
    reportBadRoute(location.pathname);
  }, [init]);
  return loaded ? <ChatScreen /> : <p className="p-6 text-sm text-ink-muted">Loading conversations…</p>;
}
