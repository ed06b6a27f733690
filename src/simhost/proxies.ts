/**
 * Proxy objects of the simulated Excel host, mirroring the Excel JavaScript API's client objects:
 * getters return proxies at once, writes and loads are queued and applied in order at `context.sync()`,
 * reading a property that was neither loaded nor set throws PropertyNotLoaded, errors surface at sync.
 *
 * The implementation lives in `./proxies/` (one module per area); this module re-exports it.
 */
export * from './proxies/index.js';
