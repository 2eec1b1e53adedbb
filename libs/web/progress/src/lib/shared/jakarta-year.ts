/** The current year in Jakarta (WIB), whatever the browser's time zone: the JP year. */
export const jakartaYear = (): number =>
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
  );
