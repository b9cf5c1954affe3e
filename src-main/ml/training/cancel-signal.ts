/**
 * What training reads of a cancel request: an AbortSignal fits (the ML layer has no DOM or
 * Node types, so it names only the property it reads).
 */
export interface CancelSignal {
  readonly aborted: boolean;
}
