import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/MonitoringCoreosComV1ServiceMonitor";

export interface IServiceMonitor {
  "apiVersion": "monitoring.coreos.com/v1";
  "kind": "ServiceMonitor";
  "metadata"?: IObjectMeta;
  "spec": {
    "attachMetadata"?: {
      "node"?: boolean;
    };
    "bodySizeLimit"?: string;
    "convertClassicHistogramsToNHCB"?: boolean;
    "endpoints": Array<{
      "authorization"?: {
        "credentials"?: {
          "key": string;
          "name"?: string;
          "optional"?: boolean;
        };
        "type"?: string;
      };
      "basicAuth"?: {
        "password"?: {
          "key": string;
          "name"?: string;
          "optional"?: boolean;
        };
        "username"?: {
          "key": string;
          "name"?: string;
          "optional"?: boolean;
        };
      };
      "bearerTokenFile"?: string;
      "bearerTokenSecret"?: {
        "key": string;
        "name"?: string;
        "optional"?: boolean;
      };
      "enableHttp2"?: boolean;
      "filterRunning"?: boolean;
      "followRedirects"?: boolean;
      "honorLabels"?: boolean;
      "honorTimestamps"?: boolean;
      "interval"?: string;
      "metricRelabelings"?: Array<{
        "action"?: "replace" | "Replace" | "keep" | "Keep" | "drop" | "Drop" | "hashmod" | "HashMod" | "labelmap" | "LabelMap" | "labeldrop" | "LabelDrop" | "labelkeep" | "LabelKeep" | "lowercase" | "Lowercase" | "uppercase" | "Uppercase" | "keepequal" | "KeepEqual" | "dropequal" | "DropEqual";
        "modulus"?: number;
        "regex"?: string;
        "replacement"?: string;
        "separator"?: string;
        "sourceLabels"?: Array<string>;
        "targetLabel"?: string;
      }>;
      "noProxy"?: string;
      "oauth2"?: {
        "clientId": {
          "configMap"?: {
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          };
          "secret"?: {
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          };
        };
        "clientSecret": {
          "key": string;
          "name"?: string;
          "optional"?: boolean;
        };
        "endpointParams"?: {
          [key: string]: string;
        };
        "noProxy"?: string;
        "proxyConnectHeader"?: {
          [key: string]: Array<{
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          }>;
        };
        "proxyFromEnvironment"?: boolean;
        "proxyUrl"?: string;
        "scopes"?: Array<string>;
        "tlsConfig"?: {
          "ca"?: {
            "configMap"?: {
              "key": string;
              "name"?: string;
              "optional"?: boolean;
            };
            "secret"?: {
              "key": string;
              "name"?: string;
              "optional"?: boolean;
            };
          };
          "cert"?: {
            "configMap"?: {
              "key": string;
              "name"?: string;
              "optional"?: boolean;
            };
            "secret"?: {
              "key": string;
              "name"?: string;
              "optional"?: boolean;
            };
          };
          "insecureSkipVerify"?: boolean;
          "keySecret"?: {
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          };
          "maxVersion"?: "TLS10" | "TLS11" | "TLS12" | "TLS13";
          "minVersion"?: "TLS10" | "TLS11" | "TLS12" | "TLS13";
          "serverName"?: string;
        };
        "tokenUrl": string;
      };
      "params"?: {
        [key: string]: Array<string>;
      };
      "path"?: string;
      "port"?: string;
      "proxyConnectHeader"?: {
        [key: string]: Array<{
          "key": string;
          "name"?: string;
          "optional"?: boolean;
        }>;
      };
      "proxyFromEnvironment"?: boolean;
      "proxyUrl"?: string;
      "relabelings"?: Array<{
        "action"?: "replace" | "Replace" | "keep" | "Keep" | "drop" | "Drop" | "hashmod" | "HashMod" | "labelmap" | "LabelMap" | "labeldrop" | "LabelDrop" | "labelkeep" | "LabelKeep" | "lowercase" | "Lowercase" | "uppercase" | "Uppercase" | "keepequal" | "KeepEqual" | "dropequal" | "DropEqual";
        "modulus"?: number;
        "regex"?: string;
        "replacement"?: string;
        "separator"?: string;
        "sourceLabels"?: Array<string>;
        "targetLabel"?: string;
      }>;
      "scheme"?: "http" | "https" | "HTTP" | "HTTPS";
      "scrapeTimeout"?: string;
      "targetPort"?: number | string;
      "tlsConfig"?: {
        "ca"?: {
          "configMap"?: {
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          };
          "secret"?: {
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          };
        };
        "caFile"?: string;
        "cert"?: {
          "configMap"?: {
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          };
          "secret"?: {
            "key": string;
            "name"?: string;
            "optional"?: boolean;
          };
        };
        "certFile"?: string;
        "insecureSkipVerify"?: boolean;
        "keyFile"?: string;
        "keySecret"?: {
          "key": string;
          "name"?: string;
          "optional"?: boolean;
        };
        "maxVersion"?: "TLS10" | "TLS11" | "TLS12" | "TLS13";
        "minVersion"?: "TLS10" | "TLS11" | "TLS12" | "TLS13";
        "serverName"?: string;
      };
      "trackTimestampsStaleness"?: boolean;
    }>;
    "fallbackScrapeProtocol"?: "PrometheusProto" | "OpenMetricsText0.0.1" | "OpenMetricsText1.0.0" | "PrometheusText0.0.4" | "PrometheusText1.0.0";
    "jobLabel"?: string;
    "keepDroppedTargets"?: number;
    "labelLimit"?: number;
    "labelNameLengthLimit"?: number;
    "labelValueLengthLimit"?: number;
    "namespaceSelector"?: {
      "any"?: boolean;
      "matchNames"?: Array<string>;
    };
    "nativeHistogramBucketLimit"?: number;
    "nativeHistogramMinBucketFactor"?: number | string;
    "podTargetLabels"?: Array<string>;
    "sampleLimit"?: number;
    "scrapeClass"?: string;
    "scrapeClassicHistograms"?: boolean;
    "scrapeNativeHistograms"?: boolean;
    "scrapeProtocols"?: Array<"PrometheusProto" | "OpenMetricsText0.0.1" | "OpenMetricsText1.0.0" | "PrometheusText0.0.4" | "PrometheusText1.0.0">;
    "selector": {
      "matchExpressions"?: Array<{
        "key": string;
        "operator": string;
        "values"?: Array<string>;
      }>;
      "matchLabels"?: {
        [key: string]: string;
      };
    };
    "selectorMechanism"?: "RelabelConfig" | "RoleSelector";
    "serviceDiscoveryRole"?: "Endpoints" | "EndpointSlice";
    "targetLabels"?: Array<string>;
    "targetLimit"?: number;
  };
  "status"?: {
    "bindings"?: Array<{
      "conditions"?: Array<{
        "lastTransitionTime": string;
        "message"?: string;
        "observedGeneration"?: number;
        "reason"?: string;
        "status": string;
        "type": "Accepted";
      }>;
      "group": "monitoring.coreos.com";
      "name": string;
      "namespace": string;
      "resource": "prometheuses" | "prometheusagents" | "thanosrulers" | "alertmanagers";
    }>;
  };
}

export class ServiceMonitor extends Model<IServiceMonitor> implements IServiceMonitor {
  "apiVersion": IServiceMonitor["apiVersion"];
  "kind": IServiceMonitor["kind"];
  "metadata"?: IServiceMonitor["metadata"];
  "spec": IServiceMonitor["spec"];
  "status"?: IServiceMonitor["status"];

static apiVersion: IServiceMonitor["apiVersion"] = "monitoring.coreos.com/v1";
static kind: IServiceMonitor["kind"] = "ServiceMonitor";
static is = createTypeMetaGuard<IServiceMonitor>(ServiceMonitor);

constructor(data?: ModelData<IServiceMonitor>) {
  super();

  this.setDefinedProps({
    apiVersion: ServiceMonitor.apiVersion,
    kind: ServiceMonitor.kind,
    ...data
  } as IServiceMonitor);
}
}


setValidateFunc(ServiceMonitor, validate as ValidateFunc<IServiceMonitor>);
