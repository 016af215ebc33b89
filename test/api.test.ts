/** The public API is a deliberate list: a change to it is a change to this test. */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as plugins from '../src/plugins.js';

describe('the public API', () => {
  it('exports exactly what a library user needs', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ConfigError',
        'InputError',
        'PACKAGE',
        'SCHEMA_VERSION',
        'SettingsError',
        'emitCsv',
        'emitJson',
        'emitMarkdown',
        'fixText',
        'formatReport',
        'lintRoadmap',
        'loadConfig',
        'parseRoadmap',
        'parseRoadmapFile',
        'processRoadmap',
        'repairText',
        'rules',
        'validateRoadmap',
      ].sort(),
    );
  });

  it('the plugins entry exports the plugin, one plugin per rule, and the factory', () => {
    expect(Object.keys(plugins).sort()).toEqual(['default', 'rulePlugin', 'rulePlugins']);
    expect(Object.keys(plugins.rulePlugins)).toEqual(api.rules.map((r) => r.id));
  });

  it('every rule declares its metadata apart from its check', () => {
    for (const meta of api.rules) {
      expect(meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/u);
      expect(['problem', 'suggestion', 'layout']).toContain(meta.type);
      expect(meta.docs.description.length).toBeGreaterThan(10);
      expect(meta.docs.url).toMatch(new RegExp(`/docs/rules/${meta.id}\\.md$`, 'u'));
      expect(['error', 'warn']).toContain(meta.defaultSeverity);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      if (meta.schema === null) expect(meta.defaultOptions).toEqual({});
      else expect(Object.keys(meta.defaultOptions).sort()).toEqual(Object.keys(meta.schema['properties'] as object).sort());
    }
  });
});
