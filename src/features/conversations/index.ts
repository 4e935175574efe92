export { ConversationIdField } from './ConversationIdField';
export { Sidebar } from './Sidebar';
