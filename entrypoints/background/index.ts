export default defineBackground(() => {
  // Policy ownership, calendar store and feeds arrive with later issues.
});
