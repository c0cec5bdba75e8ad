// Preloaded (node --import) into the web preview only by the session tests. On the IPC
// message "e2e:shift-clock" from the test runner (signals are taken: close-with-grace stops the
// preview on SIGUSR2), the process's wall clock jumps forward by E2E_CLOCK_SHIFT_MS, as on a
// laptop that wakes up hours (or weeks) later: tokens issued before really lapse (jose compares `exp` with
// `new Date()`), while everything signed afterwards (new tokens, presigned and signed URLs, the
// emulator's checks) agrees with itself because it all runs in this one process. Timers are
// unaffected.
import http from 'node:http';

const RealDate = Date;
const shiftBy = Number(process.env.E2E_CLOCK_SHIFT_MS ?? 3 * 60 * 60 * 1000);
let offset = 0;
const now = () => RealDate.now() + offset;

globalThis.Date = new Proxy(RealDate, {
  construct(target, args: unknown[], newTarget) {
    return args.length === 0
      ? Reflect.construct(target, [now()], newTarget)
      : Reflect.construct(target, args, newTarget);
  },
  // Date() called without `new` returns the current time as a string.
  apply(target) {
    return new target(now()).toString();
  },
  get(target, property, receiver) {
    if (property === 'now') return now;
    return Reflect.get(target, property, receiver);
  },
});

// Node's HTTP server stamps responses with its own, unshifted clock. The S3 SDK reads that
// Date header and "corrects" its signing clock to it, which the (shifted) emulator would then
// refuse as skewed; so the servers here state the shifted time too.
const writeHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function (
  this: http.ServerResponse,
  ...args: Parameters<typeof writeHead>
) {
  if (offset !== 0 && this.sendDate && !this.headersSent && !this.hasHeader('date')) {
    this.setHeader('date', new Date().toUTCString());
  }
  return writeHead.apply(this, args);
} as typeof writeHead;

process.on('message', (message) => {
  if (message !== 'e2e:shift-clock') return;
  offset += shiftBy;
  process.stdout.write(`E2E clock shifted by ${offset} ms\n`);
});
// The channel must not keep the process alive once the preview shuts down.
process.channel?.unref();
