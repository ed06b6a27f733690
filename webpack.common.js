// What the add-in build and the preview build share: how TypeScript sources resolve and load.

/** ESM sources import siblings as `./x.js`; resolve those to the .ts files. */
export const tsResolve = { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } };

/**
 * The ts-loader rule; `transpileOnly: false` makes a type error fail the build. Bundles are compiled
 * down to the engine level of webpack.engine.js (tsconfig's ES2022 is for Node: tests, CLI, scripts).
 */
export function tsRule({ transpileOnly, sourceMap, onlyCompileBundledFiles = false }) {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: { transpileOnly, ...(onlyCompileBundledFiles ? { onlyCompileBundledFiles } : {}), compilerOptions: { noEmit: false, sourceMap, target: 'ES2020' } },
    },
  };
}

/** Prebuilt, self-contained bundles webpack need not parse for imports (ExcelJS's browser build). */
export const PREBUILT = /[\\/]exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/;
