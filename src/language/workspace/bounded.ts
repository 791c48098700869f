// Many asynchronous tasks, only a few at a time: reading thousands of files at once exhausts the
// process's file descriptors (EMFILE at 1,024, or 256 on macOS), and the files beyond are lost.

/** How many files are read at once: enough to keep a disk busy, far below any descriptor limit. */
export const READS_AT_ONCE = 16;

/** Maps every item through `task`, running at most `limit` tasks at a time; results keep the items' order. */
export async function mapBounded<T, R>(items: Iterable<T>, limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const queue = [...items];
    const results = new Array<R>(queue.length);
    let next = 0;
    const worker = async () => {
        while (next < queue.length) {
            const index = next++;
            results[index] = await task(queue[index], index);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, worker));
    return results;
}
