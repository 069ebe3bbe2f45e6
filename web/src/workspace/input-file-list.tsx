import { useRef, useState, type ChangeEvent } from 'react';
import type { InputFile } from '../api/types';
import { TextAreaField, TextField } from '../components/field';
import { MAX_INPUT_FILES, MAX_INPUT_FILE_CHARS, uploadProblem, type InputFileErrors } from './input-files';

interface InputFileListProps {
  /** The form's id prefix: file i's fields are `${prefix}-file-${i}-name` and `-content`. */
  prefix: string;
  files: InputFile[];
  errors: InputFileErrors;
  onChange: (files: InputFile[], edited: number | null) => void;
}

/** The id of an input file's field, to focus it. */
export function inputFileFieldId(prefix: string, key: string): string {
  const [index, field] = key.split('.');
  return `${prefix}-file-${index}-${field}`;
}

/** The files a task's program finds in its folder: each a name and a text, added by hand or read from a local file. */
export function InputFileList({ prefix, files, errors, onChange }: InputFileListProps) {
  const add = useRef<HTMLButtonElement>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const full = files.length >= MAX_INPUT_FILES;

  function focusSoon(id: string) {
    // The new field exists after React renders the list again.
    window.setTimeout(() => document.getElementById(id)?.focus(), 0);
  }

  function edit(index: number, change: Partial<InputFile>) {
    onChange(
      files.map((file, i) => (i === index ? { ...file, ...change } : file)),
      index,
    );
  }

  function addFile(file: InputFile) {
    onChange([...files, file], files.length);
    focusSoon(inputFileFieldId(prefix, `${files.length}.name`));
  }

  function remove(index: number) {
    onChange(
      files.filter((_, i) => i !== index),
      null,
    );
    add.current?.focus();
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const picked = input.files?.[0];
    input.value = '';
    if (!picked) return;
    setUploadError(null);
    const tooLarge = uploadProblem(picked, null);
    if (tooLarge) {
      setUploadError(tooLarge);
      return;
    }
    const content = await picked.text();
    const problem = uploadProblem(picked, content);
    if (problem) {
      setUploadError(problem);
      return;
    }
    addFile({ name: picked.name, content });
  }

  return (
    <fieldset className="field plain input-files" aria-describedby={`${prefix}-files-hint`}>
      <legend>Input files</legend>
      <span id={`${prefix}-files-hint`} className="hint">
        Text files the program finds in its folder when it runs, such as data.txt for open(&quot;data.txt&quot;). Up to {MAX_INPUT_FILES}, 1 MB each.
      </span>
      {files.length > 0 ? (
        <ol className="input-file-list">
          {files.map((file, index) => (
            <li key={index} className="input-file">
              <div className="input-file-head">
                <TextField
                  id={inputFileFieldId(prefix, `${index}.name`)}
                  label={`Name of file ${index + 1}`}
                  value={file.name}
                  maxLength={100}
                  spellCheck={false}
                  autoComplete="off"
                  error={errors[`${index}.name`]}
                  onChange={(event) => edit(index, { name: event.target.value })}
                />
                <button type="button" className="button small danger" onClick={() => remove(index)}>
                  Remove {file.name ? `“${file.name}”` : `file ${index + 1}`}
                </button>
              </div>
              <TextAreaField
                id={inputFileFieldId(prefix, `${index}.content`)}
                label={`Content of ${file.name ? `“${file.name}”` : `file ${index + 1}`}`}
                className="code"
                rows={4}
                spellCheck={false}
                value={file.content}
                maxLength={MAX_INPUT_FILE_CHARS}
                error={errors[`${index}.content`]}
                onChange={(event) => edit(index, { content: event.target.value })}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <div className="row">
        <button ref={add} type="button" className="button small" disabled={full} aria-describedby={full ? `${prefix}-files-full` : undefined} onClick={() => addFile({ name: '', content: '' })}>
          Add an input file
        </button>
        {full ? (
          <span id={`${prefix}-files-full`} className="muted">
            A task keeps at most {MAX_INPUT_FILES} input files.
          </span>
        ) : null}
      </div>
      {full ? null : (
        <div className="field">
          <label htmlFor={`${prefix}-files-upload`}>Upload a text file</label>
          <input
            id={`${prefix}-files-upload`}
            type="file"
            accept=".txt,.csv,.tsv,.json,.dat,.in,.xml,.md,text/*"
            aria-invalid={uploadError ? true : undefined}
            aria-describedby={uploadError ? `${prefix}-files-upload-error` : undefined}
            onChange={(event) => void upload(event)}
          />
          {uploadError ? (
            <span id={`${prefix}-files-upload-error`} className="field-error" role="alert">
              {uploadError}
            </span>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}
