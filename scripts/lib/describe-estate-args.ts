/**
 * The command line of describe-estate, shared with synth-since, which starts it: apart from
 * describe-estate so that naming it does not run a synth.
 */

/** Start at once, load the estate's dependencies, and synthesize the tree once standard input closes (the tree is written meanwhile). */
export const WAIT_FOR_TREE = "--wait-for-tree";

export const DESCRIBE_ESTATE_USAGE = `usage: describe-estate <tree> <app module> <outdir> <json out> [${WAIT_FOR_TREE}]`;
