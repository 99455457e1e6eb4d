// The sandbox's internal Trulioo end-client record. The Export API renders it (E2/E3);
// the overlay stores mutated copies of it.

export const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "ACCEPTED", "REJECTED", "PENDING_REVIEW", "ABANDONED"] as const;
export type Status = (typeof STATUSES)[number];

export const SERVICE_STATUSES = ["PENDING", "COMPLETED", "TIMEOUT", "ERROR"] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const LINK_TYPES = ["RELATES_TO", "DUPLICATE_OF", "OWNS", "OWNED_BY"] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export interface FieldRecord {
  id: string;
  name: string;
  value: string[];
  role?: string;
  normalizedName: string;
}

export interface TransactionInfo {
  accountName: string;
  accountIdentifier: string;
  countryCode: string;
  date: string;
  shareableToken: string;
  transactionId: string;
  transactionRecordId: string;
  userName: string;
}

export interface ServiceRecord {
  timestamp: number;
  serviceStatus: ServiceStatus;
  nodeId: string;
  nodeTitle: string;
  nodeType: string;
  match: boolean;
  secondaryMatch: boolean | null;
  transactionInfo: TransactionInfo;
  fullServiceDetails: Record<string, unknown>;
}

export interface FlowRecord {
  id: string;
  completed: boolean;
  fieldData: Record<string, FieldRecord>;
  fileData: Record<string, string>;
  enhancedFileData: Record<string, string[]>;
  serviceData: ServiceRecord[];
}

export interface Note {
  id: string;
  text: string;
  createdBy: string;
  created: string;
}

export interface Task {
  id: string;
  text: string;
  resolved: boolean;
  createdBy: string;
  updatedBy: string;
  created: string;
  updated: string;
}

export interface Link {
  from: string;
  to: string;
  type: LinkType;
}

export interface FileMeta {
  mime: "image/png" | "image/jpeg" | "application/pdf";
  filename: string;
  kind: string;
}

export interface ProfileRecord {
  id: string;
  /** Base index for generated profiles; null for profiles created by flow runs. */
  index: number | null;
  test: boolean;
  ownerIds: string[];
  created: number;
  lastModified: number;
  profileType: "NORMAL" | "BUSINESS";
  status: Status;
  statusManuallyChanged: boolean;
  user: string;
  flowData: Record<string, FlowRecord>;
  notes: Note[];
  tasks: Task[];
  links: Link[];
  /** Metadata of generated files, by key (E4 rebuilds the bytes from it). */
  files: Record<string, FileMeta>;
  /** Display name, used in generated documents. */
  displayName: string;
}
