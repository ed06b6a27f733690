// What the add-in build and the preview build share: how TypeScript sources resolve and load.

/** ESM sources import siblings as `./x.js`; resolve those to the .ts files. */
export const tsResolve = { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } };

/** The ts-loader rule; `transpileOnly: false` makes a type error fail the build. */
export function tsRule({ transpileOnly, sourceMap, onlyCompileBundledFiles = false }) {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: 'ts-loader',
      options: { transpileOnly, ...(onlyCompileBundledFiles ? { onlyCompileBundledFiles } : {}), compilerOptions: { noEmit: false, sourceMap } },
    },
  };
}

/** Prebuilt, self-contained bundles webpack need not parse for imports (ExcelJS's browser build). */
export const PREBUILT = /[\\/]exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/;
