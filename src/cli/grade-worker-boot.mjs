// Entry of the grading worker thread (see grade-files.ts). A worker does not inherit the parent's
// module hooks, so it registers tsx (which `npm run cli` already runs under) before loading the
// TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./grade-worker.ts');
