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
 *    Terraform is new enough by running `terraform version`: one process per resource. The
 *    answer cannot change while a process runs, so it is asked once per command.
 *
 * Both replace a function of cdktf's own modules where the rest of cdktf looks it up at each
 * call (`stack_trace_1.captureStackTrace()`, the prototype). cdktf is archived at 0.21.0 and
 * pinned; __tests__/constructs/cdktf-overheads.test.ts fails if another version stops using them.
 */
import * as stackTrace from "cdktf/lib/tokens/private/stack-trace";
import { ValidateBinaryVersion } from "cdktf/lib/validations/validate-binary-version";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

(stackTrace as Mutable<typeof stackTrace>).captureStackTrace = () => [];

const validate = ValidateBinaryVersion.prototype.validate;
const answers = new Map<string, string[]>();
ValidateBinaryVersion.prototype.validate = function validateOnce(this: ValidateBinaryVersion): string[] {
  const self = this as unknown as { versionCommand: string; versionConstraint: string; hint?: string };
  const key = JSON.stringify([self.versionCommand, self.versionConstraint, self.hint]);
  if (!answers.has(key)) answers.set(key, validate.call(this));
  return answers.get(key)!;
};
