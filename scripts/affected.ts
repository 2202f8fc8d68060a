/**
 * The stacks a change affects:
 *
 *   npm run affected -- --since <git-ref>
 *
 * Synthesizes the estate as it was at <git-ref> and as it is in the working tree
 * (synth-since), compares every stack's synthesized files (cdk.tf.json and the jobspec files
 * beside it), and prints the stacks that differ plus the stacks that read an output of theirs
 * whose value may change (affected-core), one per line, in deploy order: nothing else on
 * stdout, so `for s in $(npm run -s affected -- --since X)` works. On stderr, loudly: stacks
 * removed (to destroy by hand, in reverse deploy order) and what happens to resources that
 * hold data. The repository is only read.
 */
import { affectedStacks, inDeployOrder, removedInDestroyOrder, removedStacks, statefulChanges } from "./lib/affected-core";
import { runMain } from "./lib/cli";
import { sinceArgument, synthSince } from "./lib/synth-since";

const USAGE = "npm run affected -- --since <git-ref>";

async function main(): Promise<number> {
  const since = sinceArgument(process.argv.slice(2), USAGE);
  const { before, after } = await synthSince(process.cwd(), since);
  const removed = removedInDestroyOrder(before.stacks, removedStacks(before.files, after.files));
  if (removed.length) {
    process.stderr.write(
      `\nSTACKS REMOVED since ${since}, never destroyed by the pipelines: their resources stay until destroyed by hand, in this order ` +
        `(the reverse of the deploy order): ${removed.join(", ")}\n`,
    );
  }
  // Loud, on stderr: stdout stays the list of stacks.
  const stateful = statefulChanges(before.files, after.files);
  if (stateful.length) process.stderr.write(`\nresources that hold data, since ${since}:\n${stateful.map((l) => `  ${l}`).join("\n")}\n\n`);
  for (const stack of inDeployOrder(after.stacks, affectedStacks(before.files, after.files))) process.stdout.write(`${stack.id}\n`);
  return 0;
}

runMain(main);
