// Sends dropped or picked files' bytes to the browser preview's bridge, which stages them on disk
// and answers with their paths for queue:add. Files go in chunks so a drop of a thousand photos
// is neither one enormous request nor a thousand small ones.

const DEFAULT_CHUNK = { files: 20, bytes: 50 * 2 ** 20 };

/** Why staging files failed: the bridge's stable code and a sentence for the person. */
export class StageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StageError';
  }
}

export interface StageOptions {
  base: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  /** One request carries at most this many files and (unless one file is larger) bytes. */
  chunk?: { files: number; bytes: number } | undefined;
  /** What to say when the bridge cannot be reached. */
  gone: { code: string; message: string };
}

/** The staged paths, in the order of `files`; rejects with a StageError. */
export async function stageFiles(
  files: Array<{ file: File; relativePath?: string }>,
  options: StageOptions,
): Promise<string[]> {
  const chunk = options.chunk ?? DEFAULT_CHUNK;
  const paths: string[] = [];
  for (let start = 0; start < files.length;) {
    const form = new FormData();
    let count = 0;
    let bytes = 0;
    while (start < files.length && count < chunk.files) {
      const { file, relativePath } = files[start]!;
      if (count > 0 && bytes + file.size > chunk.bytes) break;
      // The bridge reads a file's relative path from the field just before it.
      form.append('relativePath', relativePath || file.name);
      form.append('file', file, file.name);
      count += 1;
      bytes += file.size;
      start += 1;
    }
    let response: Response;
    try {
      response = await options.fetch(`${options.base}/bridge/stage`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: options.headers,
        body: form,
      });
    } catch {
      throw new StageError(options.gone.code, options.gone.message);
    }
    const body = (await response.json().catch(() => undefined)) as
      { paths?: string[]; error?: { code: string; message: string } } | undefined;
    if (!response.ok || !Array.isArray(body?.paths))
      throw new StageError(
        body?.error?.code ?? 'INTERNAL',
        body?.error?.message ?? `Staging the files failed (${response.status}).`,
      );
    paths.push(...body.paths);
  }
  return paths;
}
