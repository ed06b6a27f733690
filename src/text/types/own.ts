/** Words of the user's own figures and claims (MyFigures/MyClaims) across the pane's sections. */
export interface OwnText {
  readonly yours: string;
  /** A user's claim in a claim picker. */
  readonly stressOption: (id: string) => string;
  readonly ownClaimsPick: string;
  readonly figureForm: {
    readonly heading: string;
    readonly id: string;
    readonly label: string;
    readonly value: string;
    readonly unit: string;
    readonly note: string;
    readonly add: string;
    readonly added: (address: string) => string;
    readonly problems: string;
    /** Field names in a problem message. */
    readonly fieldNames: { readonly id: string; readonly label: string; readonly value: string; readonly unit: string; readonly note: string };
  };
}
