/**
 * Built-ins the shipped bundles use that Excel on older macOS (WebKit before Safari 15.4) lacks. Imported
 * first by the task pane entry, so it runs before any other module, lazily loaded chunks included.
 * webpack.engine.js leaves exactly these out of its check of newer built-ins.
 */
export function installPolyfills(): void {
  const object = Object as { hasOwn?: (o: object, key: PropertyKey) => boolean };
  if (typeof object.hasOwn !== 'function') {
    object.hasOwn = (o, key) => Object.prototype.hasOwnProperty.call(o, key);
  }
}

installPolyfills();
