// The JavaScript engine level ClaimCell's shipped bundles target, and the check that holds them to it.
//
// Every host that runs the add-in must parse the whole bundle, or the task pane stays blank:
// - Excel on Windows (Microsoft 365, 2021+) runs add-ins in WebView2 (Chromium, evergreen);
// - Excel on Mac runs them in WKWebView, i.e. the Safari/WebKit of the installed macOS, which can be
//   years old: WebKit has regex lookbehind only from Safari 16.4 (a parse-time SyntaxError before);
// - Excel on the web runs in the user's browser.
// ES2020 syntax is what Safari 14+ and every Chromium WebView2 parse; lookbehind is refused on top, and
// a few post-2020 built-ins that a syntax check cannot see. Office 2016/2019 (Trident, EdgeHTML) get
// the ES5 loader's message instead (src/taskpane/loader.js).
import * as acorn from 'acorn';
import webpack from 'webpack';

/** The ECMAScript edition of the shipped bundles (syntax). */
export const BUNDLE_ECMA_VERSION = 2020;

/**
 * Built-ins newer than the engines above (Safari 15.4 / 16): a parse check cannot see them. Object.hasOwn
 * is not listed: a bundled library (ExcelJS) uses it, and src/taskpane/polyfills.ts provides it first.
 */
const NEWER_BUILTINS = ['structuredClone', 'findLast', 'findLastIndex', 'replaceAll'];
const LOOKBEHIND = /\(\?<[=!]/;

/**
 * Problems of one bundle against the engine level: a syntax error at ES2020 (with its position), a
 * regex lookbehind (a literal or a string handed to RegExp), a newer built-in. Empty when it passes.
 * @param {string} code
 * @returns {string[]}
 */
export function engineProblems(code) {
  let ast;
  try {
    ast = acorn.parse(code, { ecmaVersion: BUNDLE_ECMA_VERSION, sourceType: 'script', locations: true });
  } catch (e) {
    return [`not ES${BUNDLE_ECMA_VERSION}: ${e instanceof Error ? e.message : String(e)}`];
  }
  const problems = [];
  const at = (node) => `line ${node.loc?.start.line}`;
  walk(ast, (node) => {
    if (node.type === 'Literal' && node.regex && LOOKBEHIND.test(node.regex.pattern)) {
      problems.push(`regex lookbehind /${node.regex.pattern}/ at ${at(node)} (WebKit before Safari 16.4 cannot parse it)`);
    }
    if ((node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee.type === 'Identifier' && node.callee.name === 'RegExp') {
      const first = node.arguments[0];
      if (first?.type === 'Literal' && typeof first.value === 'string' && LOOKBEHIND.test(first.value)) {
        problems.push(`regex lookbehind RegExp(${JSON.stringify(first.value)}) at ${at(node)}`);
      }
    }
    const name = node.type === 'Identifier' ? node.name : node.type === 'MemberExpression' && !node.computed ? node.property.name : undefined;
    if (name !== undefined && NEWER_BUILTINS.includes(name)) {
      problems.push(`built-in ${name} at ${at(node)} is newer than ES${BUNDLE_ECMA_VERSION} engines`);
    }
  });
  return [...new Set(problems)];
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (node.type === 'MemberExpression' && key === 'property' && !node.computed) continue; // seen through its parent
    if ((node.type === 'Property' || node.type === 'MethodDefinition') && key === 'key' && !node.computed) continue; // a name, not a use
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object') walk(value, visit);
  }
}

/** Fails the build when an emitted .js asset is above the engine level. */
export class EngineCheckPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EngineCheckPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'EngineCheckPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const [name, source] of Object.entries(assets)) {
          if (!name.endsWith('.js')) continue;
          for (const problem of engineProblems(source.source().toString())) {
            compilation.errors.push(new webpack.WebpackError(`EngineCheck: ${name}: ${problem}`));
          }
        }
      });
    });
  }
}
