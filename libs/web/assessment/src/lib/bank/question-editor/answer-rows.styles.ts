/** Row layout shared by the answer editors: fields wrap onto several lines on a phone. */
export const ANSWER_ROW_STYLES = `
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: 8px;
    padding: 8px 12px 12px;
    margin: 0;
    min-width: 0;
  }
  legend {
    font: var(--mat-sys-title-small);
    padding-inline: 4px;
  }
  .sba-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 4px 8px;
    padding-block: 8px;
    border-bottom: 1px solid var(--mat-sys-outline-variant);
  }
  .sba-row:last-of-type {
    border-bottom: 0;
  }
  .sba-grow {
    flex: 1 1 220px;
    min-width: 0;
  }
  .sba-small {
    flex: 0 1 130px;
  }
  .sba-row-actions {
    display: flex;
    align-items: center;
    padding-top: 4px;
  }
  .sba-note {
    margin: 4px 0 8px;
  }
`;
