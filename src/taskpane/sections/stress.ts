/** Placeholder: the Stress section (tornado, Monte Carlo) is written in another issue. */
import type { SectionContext } from './context.js';

export function mountStressSection(container: HTMLElement, ctx: SectionContext): void {
  const p = document.createElement('p');
  p.className = 'hint';
  const render = (): void => {
    p.textContent = ctx.lang() === 'zh' ? '压力测试：即将推出。' : 'Stress tests: coming soon.';
  };
  render();
  ctx.onLanguageChange(render);
  container.append(p);
}
