import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../shared/protocol';
import { coerceSettings, readSettings, readTrace, type ConfigurationSource } from '../../client/src/config';

describe('coerceSettings', () => {
  it('gives the defaults for nothing', () => {
    assert.deepEqual(coerceSettings(undefined), defaultSettings);
  });
  it('keeps valid values and unknown keys', () => {
    const s = coerceSettings({
      corpus: { paths: ['sources', ' '], includeBundled: false, exclude: ['**/x'] },
      languages: ['markdown'],
      severity: { 'disputed-claim': 'error' },
      citationStyle: 'link',
      debounceMs: 300,
      trace: { server: 'verbose' },
    });
    assert.deepEqual(s.corpus, { paths: ['sources'], includeBundled: false, exclude: ['**/x'] });
    assert.deepEqual(s.languages, ['markdown']);
    assert.deepEqual(s.severity, { 'disputed-claim': 'error', 'disputed-entity': 'information', 'unknown-spelling': 'hint' });
    assert.equal(s.citationStyle, 'link');
    assert.equal(s.debounceMs, 300);
    assert.deepEqual(s.trace, { server: 'verbose' });
  });
  it('replaces wrong types by the default of that key only', () => {
    const s = coerceSettings({
      corpus: { paths: 'sources', includeBundled: 'yes' },
      languages: [],
      severity: { 'disputed-entity': 'loud' },
      citationStyle: 'apa',
      debounceMs: -5,
    });
    assert.deepEqual(s.corpus.paths, []);
    assert.equal(s.corpus.includeBundled, true);
    assert.deepEqual(s.languages, defaultSettings.languages);
    assert.equal(s.severity['disputed-entity'], 'information');
    assert.equal(s.citationStyle, 'footnote');
    assert.equal(s.debounceMs, 0);
  });
});

describe('readSettings / readTrace', () => {
  const fake = (values: Record<string, unknown>): ConfigurationSource => ({
    getConfiguration: (section?: string) => ({ get: <T>(key: string) => values[section ? `${section}.${key}` : key] as T | undefined }),
  });
  it('reads the corroborate section', () => {
    assert.deepEqual(readSettings(fake({ corroborate: { languages: ['plaintext'] } })).languages, ['plaintext']);
  });
  it('reads the trace setting, off by default', () => {
    assert.equal(readTrace(fake({ 'corroborate.trace.server': 'messages' })), 'messages');
    assert.equal(readTrace(fake({ 'corroborate.trace.server': 'loud' })), 'off');
    assert.equal(readTrace(fake({})), 'off');
  });
});
