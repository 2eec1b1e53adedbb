/** Styles the editor's forms share: fieldsets, rows of small fields, row buttons. */
export const EDITOR_FORM_STYLES = `
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: 8px;
    padding: 8px 12px 12px;
    margin: 0 0 12px;
    min-width: 0;
  }
  legend {
    font: var(--mat-sys-title-small);
    padding-inline: 4px;
  }
  mat-form-field {
    width: 100%;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 180px), 1fr));
    column-gap: 12px;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0 8px;
  }
  .row > mat-form-field {
    flex: 1 1 140px;
    width: auto;
  }
  .row > .narrow {
    flex: 0 1 110px;
  }
  .row-actions {
    display: flex;
    gap: 4px;
    align-items: center;
    padding-top: 8px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin: 4px 0 8px;
  }
  .hint {
    color: var(--mat-sys-on-surface-variant);
    font: var(--mat-sys-body-small);
    margin: 0 0 8px;
  }
  .error {
    color: var(--mat-sys-error);
    font: var(--mat-sys-body-small);
    margin: 0 0 8px;
  }
  details {
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: 8px;
    padding: 4px 12px;
    margin: 0 0 8px;
  }
  details[open] {
    padding-bottom: 12px;
  }
  summary {
    cursor: pointer;
    padding: 8px 0;
    font: var(--mat-sys-title-small);
    overflow-wrap: anywhere;
  }
  .check {
    display: block;
    margin: 4px 0 8px;
  }
  .sub {
    font: var(--mat-sys-label-large);
    margin: 8px 0 4px;
  }
`;
