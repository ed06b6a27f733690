// ClaimCell browser preview build (separate from the add-in build, see webpack.config.js):
// the REAL task pane (src/taskpane, unchanged) in an iframe beside a grid of a simulated workbook.
//
//   webpack --config webpack.preview.config.js --mode development   → dist-preview/
//   --env outDir=some/dir                                            build somewhere else (tests)
//
// The simulated host (src/simhost, HyperFormula under GPL-3) lives only here: dist-preview/ is a
// local development aid and is never deployed. dist/ (the add-in) is built by webpack.config.js,
// whose LicenceGuardPlugin keeps HyperFormula out of it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREBUILT, tsResolve, tsRule } from './webpack.common.js';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));
const OFFICE_CDN = /\s*<!--[^>]*Office\.js[^>]*-->\s*<script src="https:\/\/appsforoffice\.microsoft\.com\/[^"]*"><\/script>|\s*<script src="https:\/\/appsforoffice\.microsoft\.com\/[^"]*"><\/script>/;

/** The task pane's own HTML, minus the Office.js CDN script: the preview's Office shim stands in for it. */
function taskpaneHtml() {
  const html = readFileSync(path.join(root, 'src/taskpane/taskpane.html'), 'utf8');
  if (!OFFICE_CDN.test(html)) throw new Error('ClaimCell preview build: the Office.js <script> was not found in src/taskpane/taskpane.html');
  // The preview runs in a current browser and injects its own chunk: no ES5 loader there.
  const withoutLoader = html.replace(/\s*<!--[^>]*ES5 loader[\s\S]*?-->\s*<script id="claimcell-loader"[\s\S]*?<\/script>/, '');
  if (withoutLoader === html) throw new Error('ClaimCell preview build: the loader <script> was not found in src/taskpane/taskpane.html');
  return withoutLoader.replace(OFFICE_CDN, '');
}

export default (env = {}, argv = {}) => {
  const mode = argv.mode ?? 'development';
  const outDir = path.resolve(root, env.outDir ?? process.env.CLAIMCELL_PREVIEW_DIST ?? 'dist-preview');
  return {
    mode,
    context: root,
    target: ['web', 'es2022'],
    devtool: mode === 'production' ? false : 'source-map',
    entry: {
      // The grid page: simulated host + HyperFormula + CLAIM.* functions.
      preview: './src/preview/main.ts',
      // The real task pane, behind a shim that provides Office / Excel from the parent page's host.
      taskpane: ['./src/preview/office-shim.ts', './src/taskpane/index.ts'],
    },
    output: { path: outDir, filename: '[name].js', clean: true, publicPath: '' },
    resolve: tsResolve,
    module: {
      // Type errors are checked by `npm run lint` and the add-in build; keep the preview build fast.
      rules: [tsRule({ transpileOnly: true, sourceMap: mode !== 'production' })],
      noParse: PREBUILT,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/preview/index.html',
        chunks: ['preview'],
        inject: 'head',
        scriptLoading: 'defer',
        minify: false,
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        templateContent: taskpaneHtml(),
        chunks: ['taskpane'],
        inject: 'head',
        scriptLoading: 'defer',
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/preview/preview.css', to: 'preview.css' },
        ],
      }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
