/**
 * Paths the user picked in the shell's own photo chooser. The page may import a
 * photo by path (`importMediaFile`) only if the path is one of these: a page can
 * never make the main process read a file the user did not choose. Each path is
 * good for one import and for {@link TTL_MS} at most.
 */
const TTL_MS = 10 * 60 * 1000;

export class ChosenPaths {
  private readonly chosen = new Map<string, number>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Remember paths the user just chose. */
  add(paths: readonly string[]): void {
    for (const path of paths) this.chosen.set(path, this.now() + TTL_MS);
  }

  /** True (once) when `path` was chosen and has not expired or been used. */
  take(path: string): boolean {
    const until = this.chosen.get(path);
    this.chosen.delete(path);
    return until !== undefined && until >= this.now();
  }
}
