import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { api } from '../api';
import type { Assignment, PageBlocks, Task } from '../api/types';

/** The uploaded document beside the tasks: a PDF as its page images, a DOCX as the server's sandboxed HTML preview. */
export function DocumentPreview({ assignment }: { assignment: Assignment }) {
  const pages = assignment.format === 'pdf' ? (assignment.pages ?? 0) : 0;
  if (pages === 0) {
    return <iframe className="preview-frame" title={`Preview of ${assignment.originalName}`} src={`/api/v1/assignments/${assignment.id}/preview`} sandbox="" />;
  }
  return <PageImages assignment={assignment} count={pages} />;
}

/** The id of a task card's heading (task-card.tsx), where a task's link on its page leads. */
function headingOf(task: Task): string {
  return `task-${task.id}-title`;
}

/** Moves the keyboard focus (and so the view) to a task's card. */
function showTask(event: MouseEvent<HTMLAnchorElement>, task: Task): void {
  const heading = document.getElementById(headingOf(task));
  if (!heading) return;
  event.preventDefault();
  heading.tabIndex = -1;
  heading.focus();
}

/** For each page, the tasks anchored on it, numbered as the task list numbers them. */
function tasksByPage(tasks: Task[], layout: PageBlocks[]): Map<number, Array<{ task: Task; title: string }>> {
  const byPage = new Map<number, Array<{ task: Task; title: string }>>();
  tasks.forEach((task, index) => {
    const block = task.anchor?.block;
    if (block === undefined) return;
    const page = layout.find((entry) => entry.firstBlock !== null && entry.lastBlock !== null && entry.firstBlock <= block && block <= entry.lastBlock);
    if (!page) return;
    byPage.set(page.page, [...(byPage.get(page.page) ?? []), { task, title: task.label || `Task ${index + 1}` }]);
  });
  return byPage;
}

function PageImages({ assignment, count }: { assignment: Assignment; count: number }) {
  const [layout, setLayout] = useState<PageBlocks[]>([]);
  const [failed, setFailed] = useState<Set<number>>(new Set());

  // Which blocks lie on which page never changes for a document; without it the pages still show, only unmarked.
  useEffect(() => {
    let alive = true;
    api.get<{ pages: PageBlocks[] }>(`/assignments/${assignment.id}/pages`).then(
      (answer) => {
        if (alive) setLayout(answer.pages);
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [assignment.id]);

  const marks = useMemo(() => tasksByPage(assignment.tasks, layout), [assignment.tasks, layout]);
  const numbers = Array.from({ length: count }, (_, index) => index + 1);

  return (
    // Scrolls on its own beside the tasks, so it takes the keyboard focus to be scrolled without a mouse.
    <div className="page-list" role="region" aria-label={`Pages of ${assignment.originalName}`} tabIndex={0}>
      {numbers.map((page) => {
        const src = `/api/v1/assignments/${assignment.id}/pages/${page}`;
        const tasks = marks.get(page) ?? [];
        return (
          <figure key={page} className="page" id={`page-${page}`}>
            <figcaption>
              <span className="muted">
                Page {page} of {count}
              </span>
              {tasks.length > 0 ? (
                <ul className="page-tasks" aria-label={`Tasks on page ${page}`}>
                  {tasks.map(({ task, title }) => (
                    <li key={task.id}>
                      <a href={`#${headingOf(task)}`} className="badge" onClick={(event) => showTask(event, task)}>
                        {title}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </figcaption>
            {failed.has(page) ? (
              <p className="notice warn">This page could not be drawn. The tasks beside it are still read from the document.</p>
            ) : (
              <a href={src} target="_blank" rel="noreferrer" className="page-link">
                <img src={src} alt={`Page ${page} of ${count}`} loading="lazy" decoding="async" onError={() => setFailed((old) => new Set(old).add(page))} />
              </a>
            )}
          </figure>
        );
      })}
    </div>
  );
}
