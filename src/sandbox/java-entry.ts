/** Where javac must find a Java program and how java must start it. */
export interface JavaEntry {
  /** Source file name javac accepts: the public top-level class's name, else the class with main. */
  fileName: string;
  /** Binary name of the class with main, package included (`lab.Main`, `Outer$Inner`). */
  mainClass: string;
}

interface TypeDecl {
  name: string;
  parent: TypeDecl | undefined;
  isPublic: boolean;
  bodyStart: number;
  bodyEnd: number;
}

const TYPE_KEYWORD = /\b(class|interface|enum|record)\s+([A-Za-z_$][\w$]*)/y;
const MAIN_METHOD = /\bstatic\s+(?:final\s+|synchronized\s+)*void\s+main\s*\(/g;

/**
 * Finds the class with `main` whatever its name, brace style, nesting or package, by walking the source with
 * comments and literals blanked out (so a `class` inside a string or comment is not a class).
 */
export function findJavaEntry(source: string): JavaEntry {
  const code = blankCommentsAndLiterals(source);
  const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(code)?.[1];
  const types = declaredTypes(code);
  const mainAt = MAIN_METHOD.exec(code)?.index;
  MAIN_METHOD.lastIndex = 0;
  const owner =
    mainAt === undefined
      ? undefined
      : types
          .filter((t) => t.bodyStart < mainAt && mainAt < t.bodyEnd)
          .sort((a, b) => a.bodyEnd - a.bodyStart - (b.bodyEnd - b.bodyStart))[0];
  const topLevel = types.filter((t) => t.parent === undefined);
  const publicTop = topLevel.find((t) => t.isPublic);
  const ownerTop = owner ? outermost(owner) : undefined;
  const fileClass = publicTop ?? ownerTop ?? topLevel[0];
  const binary = owner ? binaryName(owner) : (fileClass?.name ?? 'Main');
  return {
    fileName: `${fileClass?.name ?? 'Main'}.java`,
    mainClass: pkg ? `${pkg}.${binary}` : binary,
  };
}

function outermost(t: TypeDecl): TypeDecl {
  return t.parent ? outermost(t.parent) : t;
}

function binaryName(t: TypeDecl): string {
  return t.parent ? `${binaryName(t.parent)}$${t.name}` : t.name;
}

function declaredTypes(code: string): TypeDecl[] {
  const types: TypeDecl[] = [];
  const open: (TypeDecl | undefined)[] = [];
  let pending: TypeDecl | undefined;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '{') {
      if (pending) {
        pending.bodyStart = i;
        types.push(pending);
      }
      open.push(pending);
      pending = undefined;
    } else if (ch === '}') {
      const closed = open.pop();
      if (closed) closed.bodyEnd = i;
    } else if (ch === ';') {
      pending = undefined;
    } else if (!pending && /[a-z]/.test(ch ?? '') && !/[\w$.@]/.test(code[i - 1] ?? ' ')) {
      TYPE_KEYWORD.lastIndex = i;
      const match = TYPE_KEYWORD.exec(code);
      if (match?.[2]) {
        const before = code.slice(Math.max(0, code.lastIndexOf('\n', i) + 1), i);
        pending = {
          name: match[2],
          parent: open.findLast((t) => t !== undefined),
          isPublic: /\bpublic\b/.test(before),
          bodyStart: -1,
          bodyEnd: code.length,
        };
        i = TYPE_KEYWORD.lastIndex - 1;
      }
    }
  }
  return types;
}

/** Replaces comments, strings, text blocks and char literals with spaces, keeping every offset and newline. */
export function blankCommentsAndLiterals(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < source.length) {
    const two = source.slice(i, i + 2);
    if (two === '//') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (two === '/*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      const stop = end === -1 ? source.length : end + 3;
      blank(i, stop);
      i = stop;
    } else if (source[i] === '"' || source[i] === "'") {
      const quote = source[i];
      let j = i + 1;
      while (j < source.length && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(i, j + 1);
      i = j + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}
