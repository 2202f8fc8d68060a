/**
 * Two costs cdktf 0.21 pays on every synth for diagnostics the estate never shows. Loaded by
 * HomelabApp, so every synth (CLI, scripts, tests) runs without them; what is synthesized does
 * not change.
 *
 * 1. Every token (Lazy, intrinsic, dynamic expression) captures the whole stack trace of its
 *    creation, only to print it if the token later fails to resolve. Formatting thousands of
 *    traces is slow, and under jest each frame is source-mapped through the providers' multi-MB
 *    inline source maps (a quarter of the test run's time and over 1 GB of its memory). The
 *    estate's errors name the construct path instead (house style: never a stack trace), so
 *    the capture is switched off.
 * 2. Every `terraform_data` resource (and every stack with `moved` blocks) asks whether
 *    Terraform is new enough by running `terraform version`: one process per resource, each
 *    a tenth of a second. Its output cannot change while a process runs, so the command runs
 *    once per process; each requirement is still judged by cdktf against that output.
 *
 * Both replace a function of cdktf's own modules where the rest of cdktf looks it up at each
 * call (`stack_trace_1.captureStackTrace()`, the prototype, and `child_process_1.execSync()`
 * while a version is validated). cdktf is archived at 0.21.0 and
 * pinned; __tests__/constructs/cdktf-overheads.test.ts fails if another version stops using them.
 */
import childProcess = require("child_process");
import type { ExecSyncOptions } from "child_process";
import * as stackTrace from "cdktf/lib/tokens/private/stack-trace";
import { ValidateBinaryVersion } from "cdktf/lib/validations/validate-binary-version";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

(stackTrace as Mutable<typeof stackTrace>).captureStackTrace = () => [];

const validate = ValidateBinaryVersion.prototype.validate;
const outputs = new Map<string, Buffer | string>();
ValidateBinaryVersion.prototype.validate = function validateOnce(this: ValidateBinaryVersion): string[] {
  // cdktf's own judgement of each requirement, with the command's output asked once per command.
  const run = childProcess.execSync;
  (childProcess as Mutable<typeof childProcess>).execSync = ((command: string, options?: ExecSyncOptions) => {
    if (!outputs.has(command)) outputs.set(command, run(command, options));
    return outputs.get(command)!;
  }) as typeof childProcess.execSync;
  try {
    return validate.call(this);
  } finally {
    (childProcess as Mutable<typeof childProcess>).execSync = run;
  }
};
