import { ContractError } from '../../src-preload/contract/index.js';

/** The store's file could not be used; the message says which file and what to do. */
export class StoreError extends ContractError {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super('STORAGE', message, file);
    this.name = 'StoreError';
  }
}
