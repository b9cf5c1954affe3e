// Types of scripts/test-engine.mjs for the TypeScript tests that use it.
export const TEST_IMAGE: string;
export interface TestEngine {
  dir: string;
  socket: string;
  dockerHost: string;
  pid: number;
  driver: 'overlay2' | 'vfs';
  bridge: string;
  createdBridge: boolean;
  image: string;
  /** The process whose exit abandons it (a later start stops it); null: kept until stop. */
  owner: number | null;
}
export function whyNoEngine(): string | null;
export function startTestEngine(options?: { dir?: string; owner?: number | null }): Promise<TestEngine>;
export function stopTestEngine(dir?: string): Promise<boolean>;
