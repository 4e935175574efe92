export { Composer } from './Composer';
export { MessageList } from './MessageList';
