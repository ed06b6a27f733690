/** Why a swap cannot go on (`SwapProblem` of the model), one template per code: a code missing in either language does not compile. */
import type { SwapProblem, SwapProblemCode } from '../../model/swap/record.js';

export type SwapProblemText = { readonly [C in SwapProblemCode]: (problem: Extract<SwapProblem, { readonly code: C }>) => string };
