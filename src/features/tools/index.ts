export { ToolCallList } from './ToolCallList';
export { ToolResultsForm } from './ToolResultsForm';
export { ToolsPanel } from './ToolsPanel';
export { useToolRound } from './useToolRound';
