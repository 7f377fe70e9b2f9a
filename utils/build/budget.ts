/** The content script's size budget in kB gzipped (level 9): it runs on every LinkedIn and X page. */
export const CONTENT_SCRIPT_BUDGET_KB = 60;
