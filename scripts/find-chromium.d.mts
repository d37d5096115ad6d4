/** Returns the path of a usable Chromium or null. */
export function locateChromium(): string | null;
/** Finds Chromium, installing Debian's package as root when none exists; exits with one line otherwise. */
export function ensureChromium(): string;
/** Launch flags that keep Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS: string[];
