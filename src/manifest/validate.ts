/**
 * Offline structural check of ClaimCell's add-in-only XML manifest.
 *
 * Microsoft's `office-addin-manifest validate` needs the internet; this checks what
 * ClaimCell relies on without it: required elements, shared runtime, a single
 * ReadWriteDocument permission, resource ids that resolve to the right kind of
 * resource, https everywhere and zh-CN overrides. Pure: string in, report out.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface ManifestProblem {
  /** Slash-separated element path, e.g. `OfficeApp/VersionOverrides/Resources/Urls`. */
  readonly path: string;
  readonly message: string;
}

export interface ManifestReport {
  readonly ok: boolean;
  readonly problems: ManifestProblem[];
}

/** A parsed element: attributes as `@_name`, text as `#text`, children as arrays. */
interface XmlNode {
  [key: string]: XmlNode[] | string | undefined;
}

type ResourceKind = 'Urls' | 'ShortStrings' | 'LongStrings' | 'Images';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Office add-in versions: one to four dot-separated integers (e.g. 1.0.0.0). */
const ADDIN_VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
/** Requirement set versions: major.minor. */
const SET_VERSION = /^\d+\.\d+$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Which resource collection an element's `resid` must point into, by element name. */
const RESID_KIND: Record<string, ResourceKind> = {
  SourceLocation: 'Urls',
  Runtime: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Image: 'Images',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  alwaysCreateTextNode: true,
  textNodeName: '#text',
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _jpath, _leaf, isAttribute) => !isAttribute,
});

function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function text(node: XmlNode | undefined): string {
  const value = node?.['#text'];
  return typeof value === 'string' ? value.trim() : '';
}

/** Walks every element below `node`, calling `visit(element, name, path)`. */
function walk(node: XmlNode, path: string, visit: (el: XmlNode, name: string, path: string) => void): void {
  for (const [key, value] of Object.entries(node)) {
    if (!Array.isArray(value)) continue;
    for (const el of value) {
      const p = `${path}/${key}`;
      visit(el, key, p);
      walk(el, p, visit);
    }
  }
}

export function validateManifest(xml: string): ManifestReport {
  const problems: ManifestProblem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ path, message });
  };

  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    problem('/', `not well-formed XML: ${wellFormed.err.msg} (line ${wellFormed.err.line})`);
    return { ok: false, problems };
  }
  const doc = parser.parse(xml) as XmlNode;
  const app = child(doc, 'OfficeApp');
  if (!app) {
    problem('/', 'root element OfficeApp is missing');
    return { ok: false, problems };
  }
  const root = 'OfficeApp';
  if (attr(app, 'type') !== 'TaskPaneApp') {
    problem(root, `xsi:type must be TaskPaneApp (found ${attr(app, 'type') ?? 'none'})`);
  }

  // --- Top-level required elements -------------------------------------------------------
  const required = (name: string): XmlNode | undefined => {
    const el = child(app, name);
    if (!el) problem(`${root}/${name}`, `required element ${name} is missing`);
    return el;
  };
  const id = required('Id');
  if (id && !GUID.test(text(id))) problem(`${root}/Id`, `Id must be a GUID (found "${text(id)}")`);
  const version = required('Version');
  if (version && !ADDIN_VERSION.test(text(version))) {
    problem(`${root}/Version`, `Version must look like 1.0.0.0 (found "${text(version)}")`);
  }
  const provider = required('ProviderName');
  if (provider && text(provider) === '') problem(`${root}/ProviderName`, 'ProviderName is empty');
  const locale = required('DefaultLocale');
  if (locale && !LOCALE.test(text(locale))) {
    problem(`${root}/DefaultLocale`, `DefaultLocale must be a locale such as en-US (found "${text(locale)}")`);
  }
  for (const name of ['DisplayName', 'Description']) {
    const el = required(name);
    if (!el) continue;
    if (!attr(el, 'DefaultValue')) problem(`${root}/${name}`, `${name} needs a non-empty DefaultValue`);
    const zh = children(el, 'Override').find((o) => attr(o, 'Locale') === 'zh-CN');
    if (!zh || !attr(zh, 'Value')) problem(`${root}/${name}`, `${name} has no zh-CN Override`);
  }
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = required(name);
    if (el && !attr(el, 'DefaultValue')) problem(`${root}/${name}`, `${name} needs a DefaultValue URL`);
  }
  const hosts = required('Hosts');
  if (hosts && !children(hosts, 'Host').some((h) => attr(h, 'Name') === 'Workbook')) {
    problem(`${root}/Hosts`, 'Hosts must contain <Host Name="Workbook"/>');
  }

  const requirements = required('Requirements');
  if (requirements) {
    const sets = child(requirements, 'Sets');
    const setList = children(sets, 'Set');
    const shared = setList.find((s) => attr(s, 'Name') === 'SharedRuntime');
    if (!shared) {
      problem(`${root}/Requirements/Sets`, 'requirement set SharedRuntime 1.1 is missing (custom functions must share the task pane runtime)');
    } else if (attr(shared, 'MinVersion') !== '1.1') {
      problem(`${root}/Requirements/Sets`, `SharedRuntime MinVersion must be 1.1 (found ${attr(shared, 'MinVersion') ?? 'none'})`);
    }
    const defaultMin = attr(sets, 'DefaultMinVersion');
    if (defaultMin !== undefined && !SET_VERSION.test(defaultMin)) {
      problem(`${root}/Requirements/Sets`, `DefaultMinVersion must look like 1.1 (found "${defaultMin}")`);
    }
    for (const s of setList) {
      const min = attr(s, 'MinVersion');
      if (min !== undefined && !SET_VERSION.test(min)) {
        problem(`${root}/Requirements/Sets`, `Set ${attr(s, 'Name') ?? '?'} MinVersion must look like 1.1 (found "${min}")`);
      }
    }
  }

  const settings = required('DefaultSettings');
  if (settings && !attr(child(settings, 'SourceLocation'), 'DefaultValue')) {
    problem(`${root}/DefaultSettings/SourceLocation`, 'DefaultSettings/SourceLocation with a DefaultValue URL is required');
  }

  const permissions = children(app, 'Permissions');
  if (permissions.length === 0) {
    problem(`${root}/Permissions`, 'required element Permissions is missing');
  } else if (permissions.length > 1 || permissions.some((p) => text(p) !== 'ReadWriteDocument')) {
    const found = permissions.map(text).join(', ');
    problem(`${root}/Permissions`, `Permissions must be exactly one ReadWriteDocument (found ${found || 'empty'})`);
  }

  // --- VersionOverrides ------------------------------------------------------------------
  const vo = required('VersionOverrides');
  const voPath = `${root}/VersionOverrides`;
  const resources = new Map<ResourceKind, Map<string, XmlNode>>();
  if (vo) {
    if (attr(vo, 'type') !== 'VersionOverridesV1_0') {
      problem(voPath, `xsi:type must be VersionOverridesV1_0 (found ${attr(vo, 'type') ?? 'none'})`);
    }
    const res = child(vo, 'Resources');
    if (!res) problem(`${voPath}/Resources`, 'required element Resources is missing');
    for (const kind of ['Urls', 'ShortStrings', 'LongStrings', 'Images'] as const) {
      const entries = new Map<string, XmlNode>();
      const itemName = kind === 'Urls' ? 'Url' : kind === 'Images' ? 'Image' : 'String';
      for (const item of children(child(res, kind), itemName)) {
        const rid = attr(item, 'id');
        const p = `${voPath}/Resources/${kind}`;
        if (!rid) {
          problem(p, `a ${itemName} resource has no id`);
          continue;
        }
        if (entries.has(rid)) problem(p, `resource id "${rid}" is declared twice`);
        if (!attr(item, 'DefaultValue')) problem(p, `resource "${rid}" has no DefaultValue`);
        entries.set(rid, item);
      }
      resources.set(kind, entries);
    }

    const host = children(child(vo, 'Hosts'), 'Host').find((h) => attr(h, 'type') === 'Workbook');
    const hostPath = `${voPath}/Hosts/Host`;
    if (!host) {
      problem(hostPath, 'VersionOverrides needs a <Host xsi:type="Workbook">');
    } else {
      const runtime = child(child(host, 'Runtimes'), 'Runtime');
      if (!runtime) {
        problem(`${hostPath}/Runtimes`, 'Runtimes/Runtime is missing (shared runtime)');
      } else if (attr(runtime, 'lifetime') !== 'long') {
        problem(`${hostPath}/Runtimes/Runtime`, 'Runtime lifetime must be "long" for a shared runtime');
      }
      const cf = children(child(host, 'AllFormFactors'), 'ExtensionPoint').find((e) => attr(e, 'type') === 'CustomFunctions');
      const cfPath = `${hostPath}/AllFormFactors/ExtensionPoint[CustomFunctions]`;
      if (!cf) {
        problem(cfPath, 'CustomFunctions extension point is missing');
      } else {
        for (const part of ['Script', 'Page', 'Metadata']) {
          if (!attr(child(child(cf, part), 'SourceLocation'), 'resid')) {
            problem(`${cfPath}/${part}`, `CustomFunctions ${part}/SourceLocation with a resid is missing`);
          }
        }
        if (!attr(child(cf, 'Namespace'), 'resid')) problem(`${cfPath}/Namespace`, 'CustomFunctions Namespace with a resid is missing');
        // Shared runtime: the functions page must be the runtime page.
        const pageId = attr(child(child(cf, 'Page'), 'SourceLocation'), 'resid');
        const runtimeId = attr(runtime, 'resid');
        if (pageId && runtimeId && pageId !== runtimeId) {
          const urls = resources.get('Urls');
          const pageUrl = attr(urls?.get(pageId), 'DefaultValue');
          const runtimeUrl = attr(urls?.get(runtimeId), 'DefaultValue');
          if (pageUrl !== runtimeUrl) {
            problem(cfPath, `CustomFunctions Page (${pageId}) must be the shared Runtime page (${runtimeId})`);
          }
        }
      }
    }

    // Every resid resolves to a declared resource of the right kind.
    walk(vo, voPath, (el, name, path) => {
      const rid = attr(el, 'resid');
      if (rid === undefined) return;
      const kind = RESID_KIND[name];
      if (!kind) {
        problem(path, `unexpected resid on element ${name}`);
        return;
      }
      if (resources.get(kind)?.has(rid)) return;
      const elsewhere = (['Urls', 'ShortStrings', 'LongStrings', 'Images'] as const).find((k) => resources.get(k)?.has(rid));
      problem(
        path,
        elsewhere
          ? `resid "${rid}" is declared in ${elsewhere} but ${name} needs a ${kind} resource`
          : `resid "${rid}" does not resolve to any declared ${kind} resource`,
      );
    });
  }

  // --- Every URL is https --------------------------------------------------------------
  walk(app, root, (el, _name, path) => {
    for (const [key, value] of Object.entries(el)) {
      if (typeof value !== 'string' || key.startsWith('@_xmlns')) continue;
      const v = value.trim();
      if (URL_LIKE.test(v) && !v.toLowerCase().startsWith('https://')) {
        problem(path, `URL must be https: ${v}`);
      }
    }
  });

  return { ok: problems.length === 0, problems };
}

/** Human-readable one-line-per-problem rendering. */
export function formatProblems(problems: readonly ManifestProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
