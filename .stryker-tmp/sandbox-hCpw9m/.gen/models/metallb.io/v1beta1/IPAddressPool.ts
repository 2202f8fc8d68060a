import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/MetallbIoV1beta1IPAddressPool";

export interface IIPAddressPool {
  "apiVersion": "metallb.io/v1beta1";
  "kind": "IPAddressPool";
  "metadata"?: IObjectMeta;
  "spec": {
    "addresses": Array<string>;
    "autoAssign"?: boolean;
    "avoidBuggyIPs"?: boolean;
    "serviceAllocation"?: {
      "namespaceSelectors"?: Array<{
        "matchExpressions"?: Array<{
          "key": string;
          "operator": string;
          "values"?: Array<string>;
        }>;
        "matchLabels"?: {
          [key: string]: string;
        };
      }>;
      "namespaces"?: Array<string>;
      "priority"?: number;
      "serviceSelectors"?: Array<{
        "matchExpressions"?: Array<{
          "key": string;
          "operator": string;
          "values"?: Array<string>;
        }>;
        "matchLabels"?: {
          [key: string]: string;
        };
      }>;
    };
  };
  "status"?: {
    "assignedIPv4": number;
    "assignedIPv6": number;
    "availableIPv4": number;
    "availableIPv6": number;
  };
}

export class IPAddressPool extends Model<IIPAddressPool> implements IIPAddressPool {
  "apiVersion": IIPAddressPool["apiVersion"];
  "kind": IIPAddressPool["kind"];
  "metadata"?: IIPAddressPool["metadata"];
  "spec": IIPAddressPool["spec"];
  "status"?: IIPAddressPool["status"];

static apiVersion: IIPAddressPool["apiVersion"] = "metallb.io/v1beta1";
static kind: IIPAddressPool["kind"] = "IPAddressPool";
static is = createTypeMetaGuard<IIPAddressPool>(IPAddressPool);

constructor(data?: ModelData<IIPAddressPool>) {
  super();

  this.setDefinedProps({
    apiVersion: IPAddressPool.apiVersion,
    kind: IPAddressPool.kind,
    ...data
  } as IIPAddressPool);
}
}


setValidateFunc(IPAddressPool, validate as ValidateFunc<IIPAddressPool>);
