// A stand-alone S3-compatible store for tests that point the server at an external bucket
// (S3_BUCKET + S3_ENDPOINT): the embedded store's emulator and gate, in a process of its own.
//   node --import tsx tests/support/s3-emulator-main.ts <dataDir> <accessKey> <secretKey>
// Prints "listening on <endpoint>" when ready; SIGTERM stops it.
import { startEmbeddedS3 } from '../../src/server/storage/embedded-s3';

const [dataDir, accessKeyId, secretAccessKey] = process.argv.slice(2);
if (!dataDir || !accessKeyId || !secretAccessKey) {
  console.error('usage: s3-emulator-main.ts <dataDir> <accessKey> <secretKey>');
  process.exit(2);
}
const store = await startEmbeddedS3({
  dataDir,
  port: 0,
  credentials: { accessKeyId, secretAccessKey },
});
console.log(`listening on ${store.endpoint}`);
process.once('SIGTERM', () => {
  void store.close().then(() => process.exit(0));
});
