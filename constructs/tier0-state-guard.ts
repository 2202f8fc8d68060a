import { DataResource, Fn, Op, ref, Token } from "cdktf";
import { Construct } from "constructs";

export interface Tier0StateGuardProps {
  /** The stack's id, for the command in the message. */
  readonly stackId: string;
  /** The local backend's path, relative to the directory Terraform runs in (cdktf.out/stacks/<stack>/). */
  readonly statePath: string;
}

/**
 * Refuses to plan a tier-0 stack against an empty state. Tier-0 state lives encrypted in git
 * (`state/<stack>.tfstate.age`); only `npm run deploy` (or `npm run state -- decrypt`) puts the
 * plaintext where the local backend reads it. Run any other way (`cdktf deploy <stack>`,
 * `terraform apply` in the stack directory), Terraform would see no state and plan to create
 * everything again. A precondition Terraform evaluates at plan time fails when the encrypted
 * state exists and the plaintext is missing or empty; a first deploy (neither exists) passes.
 * An apply without a saved plan plans first, so every apply has passed the check.
 */
export class Tier0StateGuard extends DataResource {
  constructor(scope: Construct, id: string, props: Tier0StateGuardProps) {
    // Relative to path.module (the directory Terraform runs in): Terraform refuses a
    // condition that refers to nothing in the configuration.
    const inModule = (file: string) => Fn.join("/", [Token.asString(ref("path.module")), file]);
    // Not merely "exists": while it holds the lock, Terraform itself creates an empty
    // state file where there was none. The content is compared, never shown.
    // (">= 1", not "> 0": cdktf 0.21 renders a falsy literal operand as `undefined`.)
    const plainHasState = Op.gte(Fn.lengthOf(Fn.try([Fn.file(inModule(props.statePath)), ""])), 1);
    const encryptedExists = Fn.fileexists(inModule(`${props.statePath}.age`));
    // Checked when planning only: Terraform evaluates a precondition again while it applies,
    // when its own writes of the state (truncate, then write) can show an empty file for a
    // moment, failing an apply that had planned against the full state.
    const applying = ref("terraform.applying");
    super(scope, id, {
      lifecycle: {
        precondition: [
          {
            condition: Op.or(applying, Op.or(plainHasState, Op.not(encryptedExists))),
            errorMessage:
              `The encrypted state state/${props.stackId}.tfstate.age exists but its plaintext state/${props.stackId}.tfstate is missing or empty: ` +
              `planned like this, the stack would start from an empty state and create everything again. ` +
              `Run "npm run deploy -- ${props.stackId}" instead (it decrypts the state, runs Terraform and re-encrypts it), ` +
              `or "npm run state -- decrypt ${props.stackId}" before running Terraform yourself.`,
          },
        ],
      },
    });
  }
}
