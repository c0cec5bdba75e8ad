// What a client needs to know about a server before signing in.
import { z } from 'zod';

export const clientConfigSchema = z.object({
  /**
   * The origin signed image URLs are served from (the S3 endpoint or bucket host). The desktop
   * app allows images from this origin only in its Content-Security-Policy.
   */
  storeOrigin: z.url({ protocol: /^https?$/ }),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;
