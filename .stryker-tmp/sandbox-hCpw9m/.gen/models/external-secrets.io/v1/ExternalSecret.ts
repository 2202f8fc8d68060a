import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/ExternalSecretsIoV1ExternalSecret";

export interface IExternalSecret {
  "apiVersion": "external-secrets.io/v1";
  "kind": "ExternalSecret";
  "metadata"?: IObjectMeta;
  "spec"?: {
    "data"?: Array<{
      "remoteRef": {
        "conversionStrategy"?: "Default" | "Unicode";
        "decodingStrategy"?: "Auto" | "Base64" | "Base64URL" | "None";
        "key": string;
        "metadataPolicy"?: "None" | "Fetch";
        "property"?: string;
        "version"?: string;
      };
      "secretKey": string;
      "sourceRef"?: {
        "generatorRef"?: {
          "apiVersion"?: string;
          "kind": "ACRAccessToken" | "ClusterGenerator" | "CloudsmithAccessToken" | "ECRAuthorizationToken" | "Fake" | "GCRAccessToken" | "GithubAccessToken" | "QuayAccessToken" | "Password" | "SSHKey" | "STSSessionToken" | "UUID" | "VaultDynamicSecret" | "Webhook" | "Grafana" | "MFA";
          "name": string;
        };
        "storeRef"?: {
          "kind"?: "SecretStore" | "ClusterSecretStore";
          "name"?: string;
        };
      };
    }>;
    "dataFrom"?: Array<{
      "extract"?: {
        "conversionStrategy"?: "Default" | "Unicode";
        "decodingStrategy"?: "Auto" | "Base64" | "Base64URL" | "None";
        "key": string;
        "metadataPolicy"?: "None" | "Fetch";
        "property"?: string;
        "version"?: string;
      };
      "find"?: {
        "conversionStrategy"?: "Default" | "Unicode";
        "decodingStrategy"?: "Auto" | "Base64" | "Base64URL" | "None";
        "name"?: {
          "regexp"?: string;
        };
        "path"?: string;
        "tags"?: {
          [key: string]: string;
        };
      };
      "rewrite"?: Array<{
        "merge"?: {
          "conflictPolicy"?: "Ignore" | "Error";
          "into"?: string;
          "priority"?: Array<string>;
          "priorityPolicy"?: "IgnoreNotFound" | "Strict";
          "strategy"?: "Extract" | "JSON";
        };
        "regexp"?: {
          "source": string;
          "target": string;
        };
        "transform"?: {
          "template": string;
        };
      }>;
      "sourceRef"?: {
        "generatorRef"?: {
          "apiVersion"?: string;
          "kind": "ACRAccessToken" | "ClusterGenerator" | "CloudsmithAccessToken" | "ECRAuthorizationToken" | "Fake" | "GCRAccessToken" | "GithubAccessToken" | "QuayAccessToken" | "Password" | "SSHKey" | "STSSessionToken" | "UUID" | "VaultDynamicSecret" | "Webhook" | "Grafana" | "MFA";
          "name": string;
        };
        "storeRef"?: {
          "kind"?: "SecretStore" | "ClusterSecretStore";
          "name"?: string;
        };
      };
    }>;
    "refreshInterval"?: string;
    "refreshPolicy"?: "CreatedOnce" | "Periodic" | "OnChange";
    "secretStoreRef"?: {
      "kind"?: "SecretStore" | "ClusterSecretStore";
      "name"?: string;
    };
    "target"?: {
      "creationPolicy"?: "Owner" | "Orphan" | "Merge" | "None";
      "deletionPolicy"?: "Delete" | "Merge" | "Retain";
      "immutable"?: boolean;
      "name"?: string;
      "template"?: {
        "data"?: {
          [key: string]: string;
        };
        "engineVersion"?: "v2";
        "mergePolicy"?: "Replace" | "Merge";
        "metadata"?: {
          "annotations"?: {
            [key: string]: string;
          };
          "finalizers"?: Array<string>;
          "labels"?: {
            [key: string]: string;
          };
        };
        "templateFrom"?: Array<{
          "configMap"?: {
            "items": Array<{
              "key": string;
              "templateAs"?: "Values" | "KeysAndValues";
            }>;
            "name": string;
          };
          "literal"?: string;
          "secret"?: {
            "items": Array<{
              "key": string;
              "templateAs"?: "Values" | "KeysAndValues";
            }>;
            "name": string;
          };
          "target"?: "Data" | "Annotations" | "Labels";
        }>;
        "type"?: string;
      };
    };
  };
  "status"?: {
    "binding"?: {
      "name"?: string;
    };
    "conditions"?: Array<{
      "lastTransitionTime"?: string;
      "message"?: string;
      "reason"?: string;
      "status": string;
      "type": "Ready" | "Deleted";
    }>;
    "refreshTime"?: string;
    "syncedResourceVersion"?: string;
  };
}

export class ExternalSecret extends Model<IExternalSecret> implements IExternalSecret {
  "apiVersion": IExternalSecret["apiVersion"];
  "kind": IExternalSecret["kind"];
  "metadata"?: IExternalSecret["metadata"];
  "spec"?: IExternalSecret["spec"];
  "status"?: IExternalSecret["status"];

static apiVersion: IExternalSecret["apiVersion"] = "external-secrets.io/v1";
static kind: IExternalSecret["kind"] = "ExternalSecret";
static is = createTypeMetaGuard<IExternalSecret>(ExternalSecret);

constructor(data?: ModelData<IExternalSecret>) {
  super();

  this.setDefinedProps({
    apiVersion: ExternalSecret.apiVersion,
    kind: ExternalSecret.kind,
    ...data
  } as IExternalSecret);
}
}


setValidateFunc(ExternalSecret, validate as ValidateFunc<IExternalSecret>);
