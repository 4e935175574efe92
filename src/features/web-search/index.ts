export { SearchBadge } from './SearchBadge';
export { useWebSearchShortcut, WEB_SEARCH_SHORTCUT_LABEL } from './shortcut';
export { SourcesList, useReplySources } from './SourcesList';
export { WebSearchPanel } from './WebSearchPanel';
