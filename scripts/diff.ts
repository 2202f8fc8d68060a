/**
 * What a change does, in the operator's terms:
 *
 *   npm run diff -- --since <git-ref>
 *
 * Synthesizes the estate at <git-ref> and in the working tree (synth-since, as affected does)
 * and prints, as Markdown, per affected stack in deploy order: routes and their auth, images
 * and versions, volumes and claims created, moved or destroyed, backups and retention, secret
 * grants, mesh intentions, schedules (intent-diff); destroyed data and removed stacks first.
 * The pull-request pipeline prints it and may post it as the pull request's comment.
 */
import { runMain } from "./lib/cli";
import { intentSummary, renderIntent } from "./lib/intent-diff";
import { sinceArgument, synthSince } from "./lib/synth-since";

const USAGE = "npm run diff -- --since <git-ref>";

async function main(): Promise<number> {
  const since = sinceArgument(process.argv.slice(2), USAGE);
  const { commit, before, after } = await synthSince(process.cwd(), since);
  process.stdout.write(renderIntent(intentSummary(before, after), `What this change does (compared with ${commit.slice(0, 12)})`));
  return 0;
}

runMain(main);
