/** The time, for code that stamps or compares it; the rules themselves take it as an argument. */
export function now(): Date {
  return new Date();
}
