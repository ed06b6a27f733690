/**
 * The user's own claims (MyClaims) offered where claim ids are typed (the Exercises section's task
 * list): one button per claim the model can read, marked as the user's; a click adds its id.
 */
import { button, h } from '../dom.js';
import { USER_STRINGS } from '../i18n.js';
import type { SectionContext } from './context.js';
import { userStressFor } from './my-claims.js';

export function mountOwnClaimPicker(container: HTMLElement, ctx: SectionContext, input: HTMLInputElement): () => void {
  const box = h('p', { class: 'hint', 'data-role': 'own-claims' });
  container.append(box);
  const render = (): void => {
    const lang = ctx.lang();
    const ids = userStressFor(ctx.mine(), ctx.values().overrides).mine.claims.map((c) => c.id);
    box.hidden = ids.length === 0;
    box.replaceChildren(
      USER_STRINGS[lang].ownClaimsPick,
      ...ids.map((id) =>
        button(USER_STRINGS[lang].stressOption(id), { class: 'button button--subtle button--small', 'data-mine-claim': id }, () => {
          const typed = input.value.split(',').map((x) => x.trim()).filter(Boolean);
          if (!typed.some((x) => x.toUpperCase() === id.toUpperCase())) input.value = [...typed, id].join(', ');
          input.focus();
        }),
      ),
    );
  };
  ctx.onValuesChange(render);
  return render;
}
