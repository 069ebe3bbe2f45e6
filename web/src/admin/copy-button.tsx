import { useState } from 'react';
import { useAnnounce } from '../components/announcer';

/** Copies `text` to the clipboard and says so; when the browser refuses, says to copy it by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const announce = useAnnounce();
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      announce('Copied.');
    } catch {
      setCopied(false);
      announce('Copying is blocked here; select the text and copy it yourself.');
    }
  }

  return (
    <button type="button" className="button small" onClick={() => void copy()}>
      {copied === true ? 'Copied' : copied === false ? 'Copy blocked: select it' : label}
    </button>
  );
}
