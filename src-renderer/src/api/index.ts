export { connect, MISSING_TOKEN, type Connection } from './connect.js';
export type { ConnectionStatus } from './transport.js';
