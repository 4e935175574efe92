export { Composer, COMPOSER_ID } from './Composer';
export { MessageList } from './MessageList';
