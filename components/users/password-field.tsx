"use client";

import { useState } from "react";
import { Wand2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

function generate(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(14));
  const letters = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${letters.slice(0, 7)}-${letters.slice(7)}7`;
}

/** A one-time password input with a generator, shown in clear so the admin can hand it over. */
export function OneTimePasswordField({ id, name }: { id: string; name: string }) {
  const [value, setValue] = useState("");
  return (
    <div className="flex gap-2">
      <Input
        id={id}
        name={name}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
        required
      />
      <Button type="button" variant="outline" onClick={() => setValue(generate())} title="Generate a password">
        <Wand2 className="size-4" aria-hidden />
        Generate
      </Button>
    </div>
  );
}
