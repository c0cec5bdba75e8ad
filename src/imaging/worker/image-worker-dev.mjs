// The worker entry when the app runs from TypeScript sources (tests, `npm run web`): TypeScript
// is loaded through tsx. Bundled builds use the compiled image-worker.js instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./image-worker.ts');
export default worker.default;
