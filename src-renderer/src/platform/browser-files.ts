// The page's own ways in and out for files: a transient file input and a Blob download.

/**
 * A picked file's text, or null when its bytes are not UTF-8 (a picture renamed .yaml):
 * File.text() would quietly turn those into U+FFFD and hide what the file is.
 */
export async function readText(file: Blob): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** Opens the browser's file picker and reads the chosen file; null when the person cancels. */
export function pickFile(accept: string): Promise<{ name: string; text: string | null } | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      readText(file).then((text) => resolve({ name: file.name, text }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    // Must happen inside the click or key press that asked for it, or the browser refuses.
    input.click();
  });
}

/** Hands `text` to the browser as a file download called `name`. */
export function download(name: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; give it a moment before letting the URL go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
