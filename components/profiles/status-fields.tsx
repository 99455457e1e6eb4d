"use client";

import { useState } from "react";
import type { TStatusOption, TStatusTarget } from "@/lib/profiles/status/transitions";
import { ProfileStatusBadge } from "@/components/badges/status";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils";

const OTHER = "__other__";

/** The statuses on offer as radio buttons, each shown as the badge it will become. */
export function StatusTargetPicker(props: { name: string; options: TStatusOption[]; value: TStatusTarget | null; onChange: (value: TStatusTarget) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 text-sm font-medium">New status</legend>
      <div className="flex flex-wrap gap-2">
        {props.options.map((option) => (
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer items-center gap-2 rounded-md border border-input px-3 py-2 text-sm transition-colors hover:bg-accent",
              "has-checked:border-primary has-checked:bg-primary/5 has-focus-visible:ring-2 has-focus-visible:ring-ring",
            )}
          >
            <input
              type="radio"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
              className="size-4 accent-primary"
              aria-label={option.label}
            />
            <ProfileStatusBadge status={option.value} aria-hidden />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A reason from the configured list, or "Other…" with words of one's own. The value handed up is the
 * reason itself ("" while none is given), so the caller never sees the list's internals.
 */
export function StatusReasonField(props: { id: string; reasons: string[]; required: boolean; onChange: (reason: string) => void; error?: string }) {
  const [choice, setChoice] = useState<string>("");
  const [other, setOther] = useState("");
  const errorId = `${props.id}-error`;
  return (
    <div className="space-y-1.5">
      <Label htmlFor={props.id}>
        Reason
        <span className="font-normal text-muted-foreground">{props.required ? "(required)" : "(optional)"}</span>
      </Label>
      <Select
        value={choice}
        onValueChange={(value) => {
          setChoice(value);
          props.onChange(value === OTHER ? other.trim() : value);
        }}
      >
        <SelectTrigger id={props.id} aria-invalid={props.error ? true : undefined} aria-describedby={props.error ? errorId : undefined}>
          <SelectValue placeholder="Pick a reason" />
        </SelectTrigger>
        <SelectContent>
          {props.reasons.map((reason) => (
            <SelectItem key={reason} value={reason}>
              {reason}
            </SelectItem>
          ))}
          <SelectItem value={OTHER}>Other…</SelectItem>
        </SelectContent>
      </Select>
      {choice === OTHER ? (
        <Input
          aria-label="Reason in your own words"
          placeholder="In your own words"
          maxLength={500}
          autoFocus
          value={other}
          aria-invalid={props.error ? true : undefined}
          onChange={(event) => {
            setOther(event.target.value);
            props.onChange(event.target.value.trim());
          }}
        />
      ) : null}
      {props.error ? (
        <p id={errorId} className="text-xs text-destructive" data-testid="reason-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
