/** Gzip (level 9) size of `bytes`. */
export declare const gzipSize: (bytes: Uint8Array) => number;

export interface EntrySize {
  /** The entry's chunk and every chunk it imports statically: what a page loads up front. */
  initial: {
    min: number;
    gzip: number;
    /** Minified bytes each source module puts into those chunks, largest first. */
    modules: { path: string; bytes: number }[];
  };
  /** Chunks loaded on use (dynamic imports). */
  lazy: { min: number; gzip: number; count: number };
}

/** Measures `entry` (relative to `cwd`, by default the working directory) as a page loads it. */
export declare function measureEntry(
  entry: string,
  options?: { cwd?: string; tsconfig?: string },
): Promise<EntrySize>;
