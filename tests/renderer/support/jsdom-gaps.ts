// Browser APIs jsdom does not implement and the components call: <dialog>'s modal methods and
// ResizeObserver. Minimal stand-ins that keep the DOM honest (a closed dialog has no `open`);
// layout is not what these tests check (Chromium's e2e tests do).
export function fillJsdomGaps(): void {
  const dialog = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>;
  if (typeof dialog.showModal !== 'function') {
    dialog.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
  }
  if (typeof dialog.close !== 'function') {
    dialog.close = function close(this: HTMLDialogElement) {
      this.removeAttribute('open');
    };
  }
  if (typeof globalThis.ResizeObserver !== 'function') {
    globalThis.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    } as unknown as typeof ResizeObserver;
  }
}
