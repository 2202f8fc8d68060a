import { statfsSync } from "fs";
import { tmpdir } from "os";

/** Room a test run needs in memory-backed storage to be put there. */
const SHM_ROOM = 1024 ** 3;

/**
 * A temporary directory for work that writes and removes thousands of small files (a test
 * run's synths): memory-backed /dev/shm when it has room, where that costs nothing, since on
 * a disk it is seconds of the run; else the temporary directory.
 */
export function fastTmpdir(): string {
  try {
    const shm = statfsSync("/dev/shm");
    if (shm.bavail * shm.bsize >= SHM_ROOM) return "/dev/shm";
  } catch {
    // no /dev/shm here (not Linux)
  }
  return tmpdir();
}
