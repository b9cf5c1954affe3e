/** What the document actions need from the window they run in; tests pass fakes. */
export interface DocumentPlatform {
  /** desktop: native dialogs and paths; browser: file inputs and downloads. */
  mode: 'desktop' | 'browser';
  /** Asks the person yes or no (unsaved changes). */
  confirm(message: string): boolean;
  /** Lets the person pick a file and reads it as text (null text: not UTF-8); null when they cancel. */
  pickFile(accept: string): Promise<{ name: string; text: string | null } | null>;
  /** Hands text to the browser as a download. */
  download(name: string, text: string, type?: string): void;
  /** A key for the autosave of a document that has no path yet. */
  newKey(): string;
}

/** Stand-in until main.tsx passes the real one: refuses to lose work and picks nothing. */
export const inertPlatform: DocumentPlatform = {
  mode: 'browser',
  confirm: () => false,
  pickFile: () => Promise.resolve(null),
  download: () => {},
  newKey: () => `untitled:${Math.random().toString(36).slice(2, 10)}`,
};
