// The popup's start, step by step, as performance marks: the popup benchmark prints when each happened
// (tests/bench/popup.bench.ts), so that a change shows which step it moved.
export const PHASE = {
  early: 'popup: early read asked for',
  modules: 'popup: modules evaluated',
  settings: 'popup: language, member and policy read',
  today: "popup: today's rows read and expanded",
  render: 'popup: first render done',
} as const;
