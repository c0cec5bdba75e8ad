// A typed client generated from an OpenAPI document with @hey-api/openapi-ts (the fetch client),
// as someone consuming the API would generate it.
import { createClient } from '@hey-api/openapi-ts';

/** Writes the client's TypeScript into `outputDir` (index.ts, sdk.gen.ts, types.gen.ts, ...). */
export async function generateFetchClient(document: unknown, outputDir: string): Promise<void> {
  await createClient({
    // A copy: the generator may annotate the object it is given.
    input: structuredClone(document) as Record<string, unknown>,
    output: outputDir,
    plugins: ['@hey-api/client-fetch', '@hey-api/typescript', '@hey-api/sdk'],
    // Failures throw; progress lines and crash-report files would only clutter the test run.
    logs: { level: 'silent', file: false },
  });
}
