/** Only same-site paths may be a post-login destination: no "//host" or absolute URLs (open redirect). */
export function safeNextPath(value: unknown, fallback = '/'): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.includes('\\')
  ) {
    return fallback;
  }
  return value;
}
