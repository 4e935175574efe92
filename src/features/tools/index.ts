export { ToolCallCard } from './ToolCallCard';
export { ToolResultsForm } from './ToolResultsForm';
export { ToolsPanel } from './ToolsPanel';
