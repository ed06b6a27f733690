// Worker threads do not inherit tsx's loader from `tsx src/cli/main.ts`: register it, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./stress-worker.ts');
