import { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { Model, ModelData, setValidateFunc, createTypeMetaGuard } from "@kubernetes-models/base";
import { ValidateFunc } from "@kubernetes-models/validate";
import { validate } from "../../_schemas/PostgresqlCnpgIoV1Database";

export interface IDatabase {
  "apiVersion": "postgresql.cnpg.io/v1";
  "kind": "Database";
  "metadata": IObjectMeta;
  "spec": {
    "allowConnections"?: boolean;
    "builtinLocale"?: string;
    "cluster": {
      "name"?: string;
    };
    "collationVersion"?: string;
    "connectionLimit"?: number;
    "databaseReclaimPolicy"?: "delete" | "retain";
    "encoding"?: string;
    "ensure"?: "present" | "absent";
    "extensions"?: Array<{
      "ensure"?: "present" | "absent";
      "name": string;
      "schema"?: string;
      "version"?: string;
    }>;
    "icuLocale"?: string;
    "icuRules"?: string;
    "isTemplate"?: boolean;
    "locale"?: string;
    "localeCType"?: string;
    "localeCollate"?: string;
    "localeProvider"?: string;
    "name": string;
    "owner": string;
    "schemas"?: Array<{
      "ensure"?: "present" | "absent";
      "name": string;
      "owner"?: string;
    }>;
    "tablespace"?: string;
    "template"?: string;
  };
  "status"?: {
    "applied"?: boolean;
    "extensions"?: Array<{
      "applied": boolean;
      "message"?: string;
      "name": string;
    }>;
    "message"?: string;
    "observedGeneration"?: number;
    "schemas"?: Array<{
      "applied": boolean;
      "message"?: string;
      "name": string;
    }>;
  };
}

export class Database extends Model<IDatabase> implements IDatabase {
  "apiVersion": IDatabase["apiVersion"];
  "kind": IDatabase["kind"];
  "metadata": IDatabase["metadata"];
  "spec": IDatabase["spec"];
  "status"?: IDatabase["status"];

static apiVersion: IDatabase["apiVersion"] = "postgresql.cnpg.io/v1";
static kind: IDatabase["kind"] = "Database";
static is = createTypeMetaGuard<IDatabase>(Database);

constructor(data?: ModelData<IDatabase>) {
  super();

  this.setDefinedProps({
    apiVersion: Database.apiVersion,
    kind: Database.kind,
    ...data
  } as IDatabase);
}
}


setValidateFunc(Database, validate as ValidateFunc<IDatabase>);
