import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../src/manifest/validate.js';

const manifest = readFileSync(fileURLToPath(new URL('../../manifest.xml', import.meta.url)), 'utf8');

/** Applies a textual mutation and fails loudly if it did not change anything. */
function mutate(from: string | RegExp, to: string): string {
  const out = manifest.replace(from, to);
  expect(out, `mutation ${String(from)} must apply`).not.toBe(manifest);
  return out;
}

function messages(xml: string): string {
  const report = validateManifest(xml);
  expect(report.ok).toBe(false);
  return report.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

describe('validateManifest', () => {
  it('accepts the real manifest.xml', () => {
    const report = validateManifest(manifest);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('rejects malformed XML', () => {
    expect(messages(manifest.replace('</OfficeApp>', ''))).toMatch(/well-formed/);
  });

  it.each([
    ['Id', /<Id>[^<]*<\/Id>/],
    ['ProviderName', /<ProviderName>[^<]*<\/ProviderName>/],
    ['HighResolutionIconUrl', /<HighResolutionIconUrl [^>]*\/>/],
    ['SupportUrl', /<SupportUrl [^>]*\/>/],
    ['DefaultSettings', /<DefaultSettings>[\s\S]*?<\/DefaultSettings>/],
    ['Permissions', /<Permissions>[^<]*<\/Permissions>/],
  ])('reports a missing %s element by name', (name, re) => {
    expect(messages(mutate(re, ''))).toContain(`required element ${name} is missing`);
  });

  it('rejects an Id that is not a GUID and a malformed Version', () => {
    const xml = mutate(/<Id>[^<]*<\/Id>/, '<Id>claimcell</Id>').replace('<Version>1.0.0.0', '<Version>1.0.x');
    const out = messages(xml);
    expect(out).toMatch(/Id must be a GUID/);
    expect(out).toMatch(/Version must look like 1\.0\.0\.0/);
  });

  it('rejects an http URL', () => {
    const out = messages(mutate('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"'));
    expect(out).toContain('URL must be https: http://localhost:3000/functions.json');
  });

  it('rejects an http URL inside a zh-CN override', () => {
    const out = messages(mutate('Value="https://localhost:3000/functions.zh-CN.json"', 'Value="http://example.org/f.json"'));
    expect(out).toContain('URL must be https: http://example.org/f.json');
  });

  it('rejects a dangling resid', () => {
    const out = messages(mutate('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Nope"/>'));
    expect(out).toMatch(/resid "Functions\.Nope" does not resolve to any declared ShortStrings resource/);
  });

  it('rejects a resid that points at the wrong kind of resource', () => {
    const out = messages(mutate('<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'));
    expect(out).toMatch(/resid "Taskpane\.Url" is declared in Urls but Label needs a ShortStrings resource/);
  });

  it('rejects a second permission and a broader permission', () => {
    const two = messages(mutate('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteDocument</Permissions>\n  <Permissions>ReadDocument</Permissions>'));
    expect(two).toMatch(/Permissions must be exactly one ReadWriteDocument \(found ReadWriteDocument, ReadDocument\)/);
    const broad = messages(mutate('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>'));
    expect(broad).toMatch(/Permissions must be exactly one ReadWriteDocument/);
  });

  it('rejects a manifest without the SharedRuntime requirement', () => {
    const out = messages(mutate(/<Set Name="SharedRuntime"[^>]*\/>/, ''));
    expect(out).toMatch(/SharedRuntime 1\.1 is missing/);
  });

  it('rejects a short-lived runtime and a missing CustomFunctions part', () => {
    expect(messages(mutate('lifetime="long"', 'lifetime="short"'))).toMatch(/lifetime must be "long"/);
    expect(messages(mutate(/<Metadata>[\s\S]*?<\/Metadata>/, ''))).toMatch(/CustomFunctions Metadata\/SourceLocation with a resid is missing/);
  });

  it('requires zh-CN overrides for DisplayName and Description', () => {
    const out = messages(mutate(/<Override Locale="zh-CN" Value="ClaimCell 论断核算"\/>/, ''));
    expect(out).toMatch(/DisplayName has no zh-CN Override/);
  });

  it('requires the shared runtime page to host the custom functions', () => {
    const xml = mutate('<Runtime resid="Taskpane.Url"', '<Runtime resid="GetStarted.LearnMoreUrl"').replace(
      '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/other.html"/>',
    );
    expect(messages(xml)).toMatch(/Page \(Taskpane\.Url\) must be the shared Runtime page/);
  });
});
