/** Placeholder: the Exercises section is written in another issue. */
import type { SectionContext } from './context.js';

export function mountExercisesSection(container: HTMLElement, ctx: SectionContext): void {
  const p = document.createElement('p');
  p.className = 'hint';
  const render = (): void => {
    p.textContent = ctx.lang() === 'zh' ? '练习：即将推出。' : 'Exercises: coming soon.';
  };
  render();
  ctx.onLanguageChange(render);
  container.append(p);
}
