/** Plain report tables (`.sbp-table`): lined rows, numbers right-aligned in tabular figures. */
export const TABLE_STYLES = `
  .sbp-table {
    width: 100%;
    min-width: 560px;
    border-collapse: collapse;
    th,
    td {
      text-align: start;
      padding: 8px 12px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: middle;
    }
    thead th {
      font: var(--mat-sys-title-small);
    }
    tbody th {
      font-weight: 400;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
    }
  }
  .sbp-table.narrow {
    min-width: 260px;
  }
`;
