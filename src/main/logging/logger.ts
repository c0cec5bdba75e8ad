// What the plain-Node desktop modules log through. electron-log's scopes satisfy it in the app;
// tests pass a recorder, the browser preview the console.
export interface Logger {
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}
