import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/TraefikIoV1alpha1Middleware";

export interface IMiddleware {
  "apiVersion": "traefik.io/v1alpha1";
  "kind": "Middleware";
  "metadata": IObjectMeta;
  "spec": {
    "addPrefix"?: {
      "prefix"?: string;
    };
    "basicAuth"?: {
      "headerField"?: string;
      "realm"?: string;
      "removeHeader"?: boolean;
      "secret"?: string;
    };
    "buffering"?: {
      "maxRequestBodyBytes"?: number;
      "maxResponseBodyBytes"?: number;
      "memRequestBodyBytes"?: number;
      "memResponseBodyBytes"?: number;
      "retryExpression"?: string;
    };
    "chain"?: {
      "middlewares"?: Array<{
        "name": string;
        "namespace"?: string;
      }>;
    };
    "circuitBreaker"?: {
      "checkPeriod"?: number | string;
      "expression"?: string;
      "fallbackDuration"?: number | string;
      "recoveryDuration"?: number | string;
      "responseCode"?: number;
    };
    "compress"?: {
      "defaultEncoding"?: string;
      "encodings"?: Array<string>;
      "excludedContentTypes"?: Array<string>;
      "includedContentTypes"?: Array<string>;
      "minResponseBodyBytes"?: number;
    };
    "contentType"?: {
      "autoDetect"?: boolean;
    };
    "digestAuth"?: {
      "headerField"?: string;
      "realm"?: string;
      "removeHeader"?: boolean;
      "secret"?: string;
    };
    "errors"?: {
      "query"?: string;
      "service"?: {
        "healthCheck"?: {
          "followRedirects"?: boolean;
          "headers"?: {
            [key: string]: string;
          };
          "hostname"?: string;
          "interval"?: number | string;
          "method"?: string;
          "mode"?: string;
          "path"?: string;
          "port"?: number;
          "scheme"?: string;
          "status"?: number;
          "timeout"?: number | string;
          "unhealthyInterval"?: number | string;
        };
        "kind"?: "Service" | "TraefikService";
        "name": string;
        "namespace"?: string;
        "nativeLB"?: boolean;
        "nodePortLB"?: boolean;
        "passHostHeader"?: boolean;
        "port"?: number | string;
        "responseForwarding"?: {
          "flushInterval"?: string;
        };
        "scheme"?: string;
        "serversTransport"?: string;
        "sticky"?: {
          "cookie"?: {
            "domain"?: string;
            "httpOnly"?: boolean;
            "maxAge"?: number;
            "name"?: string;
            "path"?: string;
            "sameSite"?: "none" | "lax" | "strict";
            "secure"?: boolean;
          };
        };
        "strategy"?: "wrr" | "p2c" | "RoundRobin";
        "weight"?: number;
      };
      "status"?: Array<string>;
      "statusRewrites"?: {
        [key: string]: number;
      };
    };
    "forwardAuth"?: {
      "addAuthCookiesToResponse"?: Array<string>;
      "address"?: string;
      "authRequestHeaders"?: Array<string>;
      "authResponseHeaders"?: Array<string>;
      "authResponseHeadersRegex"?: string;
      "forwardBody"?: boolean;
      "headerField"?: string;
      "maxBodySize"?: number;
      "preserveLocationHeader"?: boolean;
      "preserveRequestMethod"?: boolean;
      "tls"?: {
        "caOptional"?: boolean;
        "caSecret"?: string;
        "certSecret"?: string;
        "insecureSkipVerify"?: boolean;
      };
      "trustForwardHeader"?: boolean;
    };
    "grpcWeb"?: {
      "allowOrigins"?: Array<string>;
    };
    "headers"?: {
      "accessControlAllowCredentials"?: boolean;
      "accessControlAllowHeaders"?: Array<string>;
      "accessControlAllowMethods"?: Array<string>;
      "accessControlAllowOriginList"?: Array<string>;
      "accessControlAllowOriginListRegex"?: Array<string>;
      "accessControlExposeHeaders"?: Array<string>;
      "accessControlMaxAge"?: number;
      "addVaryHeader"?: boolean;
      "allowedHosts"?: Array<string>;
      "browserXssFilter"?: boolean;
      "contentSecurityPolicy"?: string;
      "contentSecurityPolicyReportOnly"?: string;
      "contentTypeNosniff"?: boolean;
      "customBrowserXSSValue"?: string;
      "customFrameOptionsValue"?: string;
      "customRequestHeaders"?: {
        [key: string]: string;
      };
      "customResponseHeaders"?: {
        [key: string]: string;
      };
      "featurePolicy"?: string;
      "forceSTSHeader"?: boolean;
      "frameDeny"?: boolean;
      "hostsProxyHeaders"?: Array<string>;
      "isDevelopment"?: boolean;
      "permissionsPolicy"?: string;
      "publicKey"?: string;
      "referrerPolicy"?: string;
      "sslForceHost"?: boolean;
      "sslHost"?: string;
      "sslProxyHeaders"?: {
        [key: string]: string;
      };
      "sslRedirect"?: boolean;
      "sslTemporaryRedirect"?: boolean;
      "stsIncludeSubdomains"?: boolean;
      "stsPreload"?: boolean;
      "stsSeconds"?: number;
    };
    "inFlightReq"?: {
      "amount"?: number;
      "sourceCriterion"?: {
        "ipStrategy"?: {
          "depth"?: number;
          "excludedIPs"?: Array<string>;
          "ipv6Subnet"?: number;
        };
        "requestHeaderName"?: string;
        "requestHost"?: boolean;
      };
    };
    "ipAllowList"?: {
      "ipStrategy"?: {
        "depth"?: number;
        "excludedIPs"?: Array<string>;
        "ipv6Subnet"?: number;
      };
      "rejectStatusCode"?: number;
      "sourceRange"?: Array<string>;
    };
    "ipWhiteList"?: {
      "ipStrategy"?: {
        "depth"?: number;
        "excludedIPs"?: Array<string>;
        "ipv6Subnet"?: number;
      };
      "sourceRange"?: Array<string>;
    };
    "passTLSClientCert"?: {
      "info"?: {
        "issuer"?: {
          "commonName"?: boolean;
          "country"?: boolean;
          "domainComponent"?: boolean;
          "locality"?: boolean;
          "organization"?: boolean;
          "province"?: boolean;
          "serialNumber"?: boolean;
        };
        "notAfter"?: boolean;
        "notBefore"?: boolean;
        "sans"?: boolean;
        "serialNumber"?: boolean;
        "subject"?: {
          "commonName"?: boolean;
          "country"?: boolean;
          "domainComponent"?: boolean;
          "locality"?: boolean;
          "organization"?: boolean;
          "organizationalUnit"?: boolean;
          "province"?: boolean;
          "serialNumber"?: boolean;
        };
      };
      "pem"?: boolean;
    };
    "plugin"?: {
      [key: string]: any;
    };
    "rateLimit"?: {
      "average"?: number;
      "burst"?: number;
      "period"?: number | string;
      "redis"?: {
        "db"?: number;
        "dialTimeout"?: number | string;
        "endpoints"?: Array<string>;
        "maxActiveConns"?: number;
        "minIdleConns"?: number;
        "poolSize"?: number;
        "readTimeout"?: number | string;
        "secret"?: string;
        "tls"?: {
          "caSecret"?: string;
          "certSecret"?: string;
          "insecureSkipVerify"?: boolean;
        };
        "writeTimeout"?: number | string;
      };
      "sourceCriterion"?: {
        "ipStrategy"?: {
          "depth"?: number;
          "excludedIPs"?: Array<string>;
          "ipv6Subnet"?: number;
        };
        "requestHeaderName"?: string;
        "requestHost"?: boolean;
      };
    };
    "redirectRegex"?: {
      "permanent"?: boolean;
      "regex"?: string;
      "replacement"?: string;
    };
    "redirectScheme"?: {
      "permanent"?: boolean;
      "port"?: string;
      "scheme"?: string;
    };
    "replacePath"?: {
      "path"?: string;
    };
    "replacePathRegex"?: {
      "regex"?: string;
      "replacement"?: string;
    };
    "retry"?: {
      "attempts"?: number;
      "initialInterval"?: number | string;
    };
    "stripPrefix"?: {
      "forceSlash"?: boolean;
      "prefixes"?: Array<string>;
    };
    "stripPrefixRegex"?: {
      "regex"?: Array<string>;
    };
  };
}

export class Middleware extends Model<IMiddleware> implements IMiddleware {
  "apiVersion": IMiddleware["apiVersion"];
  "kind": IMiddleware["kind"];
  "metadata": IMiddleware["metadata"];
  "spec": IMiddleware["spec"];

static apiVersion: IMiddleware["apiVersion"] = "traefik.io/v1alpha1";
static kind: IMiddleware["kind"] = "Middleware";
static is = createTypeMetaGuard<IMiddleware>(Middleware);

constructor(data?: ModelData<IMiddleware>) {
  super();

  this.setDefinedProps({
    apiVersion: Middleware.apiVersion,
    kind: Middleware.kind,
    ...data
  } as IMiddleware);
}
}


setValidateFunc(Middleware, validate as ValidateFunc<IMiddleware>);
