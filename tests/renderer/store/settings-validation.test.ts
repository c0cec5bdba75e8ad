// Settings errors land next to the field they concern, from the shared schema or the main process.
import { describe, expect, it } from 'vitest';
import {
  fieldErrorFromMessage,
  validateSettings,
} from '../../../src/renderer/store/settings-slice';

describe('validateSettings', () => {
  it('accepts good values', () => {
    expect(
      validateSettings({ serverUrl: 'https://images.example.com', quality: 80, concurrency: 4 }),
    ).toEqual({});
  });

  it('reports each bad field once, as a sentence', () => {
    const errors = validateSettings({
      serverUrl: 'ftp://x',
      quality: 101,
      concurrency: Number.NaN,
      maxEdge: 10,
    });
    expect(Object.keys(errors).sort()).toEqual(['concurrency', 'maxEdge', 'quality', 'serverUrl']);
    expect(errors.serverUrl).toMatch(/^The server URL must start with https:\/\//);
    expect(errors.quality).toMatch(/^[A-Z].*\.$/);
  });
});

describe('the server URL', () => {
  it('takes https anywhere and http only on this computer, saying why', () => {
    for (const ok of [
      'https://images.example.com',
      'http://127.0.0.1:8787',
      'http://localhost:1',
    ]) {
      expect(validateSettings({ serverUrl: ok })).toEqual({});
    }
    const { serverUrl } = validateSettings({ serverUrl: 'http://images.example.com' });
    expect(serverUrl).toContain('Use https:// for images.example.com');
    expect(serverUrl).toContain('would cross the network unencrypted');
  });
});

describe('fieldErrorFromMessage', () => {
  it('maps "field: message" from the main process to that field, else to the form', () => {
    expect(fieldErrorFromMessage('quality: must be at most 100')).toEqual({
      quality: 'Must be at most 100.',
    });
    expect(fieldErrorFromMessage('The settings file could not be written.')).toEqual({
      form: 'The settings file could not be written.',
    });
  });
});
