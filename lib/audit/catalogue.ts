// The closed list of what the audit log records: every recordAudit names one of these, and every
// server action is named after the one it performs (its refusals are audited under that name). The
// audit page and its filters read the labels from here.

export const AUDIT_TARGET_TYPES = ["user", "profile", "execution", "sync_run", "saved_view", "job", "sign_in_throttle"] as const;
export type TAuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export type TAuditActionInfo = {
  label: string;
  /** What the row's target is, or null when it has none. */
  target: TAuditTargetType | null;
  /** Looking at or taking personal data (page views, downloads, exports): what an auditor reviews first. */
  piiAccess?: true;
};

export const AUDIT_ACTIONS = {
  "auth.sign_in": { label: "Sign-in", target: "user" },
  "auth.sign_in_locked": { label: "Sign-in locked after failures", target: "sign_in_throttle" },
  "auth.sign_out": { label: "Sign-out", target: "user" },
  "permission.denied": { label: "Refused: not permitted", target: null },
  "user.create": { label: "User created", target: "user" },
  "user.role_change": { label: "Role changed", target: "user" },
  "user.set_active": { label: "User activation changed", target: "user" },
  "user.deactivate": { label: "User deactivated", target: "user" },
  "user.reactivate": { label: "User reactivated", target: "user" },
  "user.password_reset": { label: "One-time password set", target: "user" },
  "user.password_change": { label: "Password changed", target: "user" },
  "sync.start": { label: "Sync started", target: "sync_run" },
  // Counts and the refs of the calls that were not accepted; never a URL, a token or a record.
  "providers.check": { label: "Provider connection checked", target: null },
  "profile.view": { label: "Profile opened", target: "profile", piiAccess: true },
  "execution.view": { label: "Execution opened", target: "execution", piiAccess: true },
  "execution.feedback": { label: "Fraud feedback set", target: "execution" },
  "execution.pdf": { label: "Transaction PDF exported", target: "execution", piiAccess: true },
  "file.download": { label: "File or image downloaded", target: null, piiAccess: true },
  "profile.note_add": { label: "Case note added", target: "profile" },
  "profile.refresh": { label: "Profile re-read from Trulioo", target: "profile" },
  "profile.status_change": { label: "Status changed", target: "profile" },
  "profile.link": { label: "End clients linked", target: "profile" },
  "profile.unlink": { label: "End clients unlinked", target: "profile" },
  "profiles.bulk_status": { label: "Bulk status change requested", target: "job" },
  "job.approve": { label: "Job approved (four eyes)", target: "job" },
  "job.reject": { label: "Job rejected (four eyes)", target: "job" },
  "job.cancel": { label: "Job cancelled", target: "job" },
  "job.retry": { label: "Failed items retried as a new job", target: "job" },
  // Who wiped whom and why: ids, counts and the admin's reason only (the person's data is what went).
  "pii.wipe_profile": { label: "Profile's personal data wiped", target: "profile" },
  "pii.wipe_execution": { label: "Execution's personal data wiped", target: "execution" },
  "pii.wipe_account": { label: "Jumio account wipe requested", target: "job" },
  "profiles.export": { label: "Profiles exported (CSV)", target: null, piiAccess: true },
  "exports.pdf_zip": { label: "Transaction PDFs export (ZIP) requested", target: "job", piiAccess: true },
  "exports.pdf_zip_ready": { label: "Transaction PDFs ZIP built", target: "job" },
  "exports.pdf_zip_download": { label: "Transaction PDFs ZIP downloaded", target: "job", piiAccess: true },
  "views.create": { label: "Saved view created", target: "saved_view" },
  "views.rename": { label: "Saved view renamed", target: "saved_view" },
  "views.delete": { label: "Saved view deleted", target: "saved_view" },
} as const satisfies Record<string, TAuditActionInfo>;

export type TAuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is TAuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** A row's label; a name from before the catalogue (or unknown) is shown as it is. */
export function auditLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action].label : action;
}
