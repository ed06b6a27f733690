import type { DistSpec } from '../../model/stress/distributions.js';
import type { SipmathFit } from '../../model/stress/sipmath.js';
import type { CliOutputText } from '../../text/index.js';

/** A distribution as drawn (Monte Carlo) or as a SIPmath library states it (a metalog by its fit). */
export type ShownDistribution = DistSpec | { readonly type: 'metalog'; readonly fit: SipmathFit };

/**
 * A distribution as `{family,param:value,…}` in the output's language (English: as the JSON record
 * reads, `{type:normal,mean:12,sd:0.05}`); a metalog's coefficients follow its `a`.
 */
export function describeDistribution(d: ShownDistribution, t: CliOutputText['stress']): string {
  const params = Object.entries(d)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => (k === 'fit' ? ['a', (v as SipmathFit).aCoefficients] : [k, v]) as [string, unknown])
    .map(([k, v]) => `${t.parameters[k as keyof typeof t.parameters] ?? k}:${Array.isArray(v) ? v.join(',') : String(v)}`);
  return `{${[`${t.parameters.type ? `${t.parameters.type}:` : ''}${t.distributions[d.type]}`, ...params].join(',')}}`;
}
