import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/MetallbIoV1beta1L2Advertisement";

export interface IL2Advertisement {
  "apiVersion": "metallb.io/v1beta1";
  "kind": "L2Advertisement";
  "metadata"?: IObjectMeta;
  "spec"?: {
    "interfaces"?: Array<string>;
    "ipAddressPoolSelectors"?: Array<{
      "matchExpressions"?: Array<{
        "key": string;
        "operator": string;
        "values"?: Array<string>;
      }>;
      "matchLabels"?: {
        [key: string]: string;
      };
    }>;
    "ipAddressPools"?: Array<string>;
    "nodeSelectors"?: Array<{
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
  "status"?: {
  };
}

export class L2Advertisement extends Model<IL2Advertisement> implements IL2Advertisement {
  "apiVersion": IL2Advertisement["apiVersion"];
  "kind": IL2Advertisement["kind"];
  "metadata"?: IL2Advertisement["metadata"];
  "spec"?: IL2Advertisement["spec"];
  "status"?: IL2Advertisement["status"];

static apiVersion: IL2Advertisement["apiVersion"] = "metallb.io/v1beta1";
static kind: IL2Advertisement["kind"] = "L2Advertisement";
static is = createTypeMetaGuard<IL2Advertisement>(L2Advertisement);

constructor(data?: ModelData<IL2Advertisement>) {
  super();

  this.setDefinedProps({
    apiVersion: L2Advertisement.apiVersion,
    kind: L2Advertisement.kind,
    ...data
  } as IL2Advertisement);
}
}


setValidateFunc(L2Advertisement, validate as ValidateFunc<IL2Advertisement>);
