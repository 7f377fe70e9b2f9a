/** The calendar's section of the options page: team feed URL and its state, ICS and backup import/export. */
export function CalendarSettings() {
  return null;
}
