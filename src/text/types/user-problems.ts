/** A problem of the user's tables (`UserTableProblem` of the model), one template per code: a code missing in either language does not compile. */
import type { UserTableProblem, UserTableProblemCode } from '../../model/user/problems.js';

export type UserProblemText = { readonly [C in UserTableProblemCode]: (problem: Extract<UserTableProblem, { readonly code: C }>) => string };
