export { ToolCallList } from './ToolCallList';
export { ToolResultsForm } from './ToolResultsForm';
export { ToolsPanel } from './ToolsPanel';
export { useToolRound } from './useToolRound';
export type { ToolRoundRecord } from './ToolTimeline';
export { ToolTimeline } from './lazyTimeline';
