/** The message a person should read for a failed call (ContractError messages are written for people). */
export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
