import { describe, expect, it } from 'vitest';
import { blankCommentsAndLiterals, findJavaEntry } from './java-entry.js';

describe('findJavaEntry', () => {
  it('finds a non-public class with main and its brace on the next line', () => {
    const source = 'import java.util.*;\nclass Hello\n{\n    public static void main(String[] args)\n    {\n    }\n}\n';
    expect(findJavaEntry(source)).toEqual({ fileName: 'Hello.java', mainClass: 'Hello' });
  });

  it('names the file after the public class even when main lives in another top-level class', () => {
    const source = 'public class Shapes { }\nclass App { public static void main(String... a) { } }\n';
    expect(findJavaEntry(source)).toEqual({ fileName: 'Shapes.java', mainClass: 'App' });
  });

  it('qualifies the main class with the package', () => {
    const source = 'package lab.three;\n\npublic final class Runner {\n  static public void main(String[] a) {}\n}\n';
    expect(findJavaEntry(source)).toEqual({ fileName: 'Runner.java', mainClass: 'lab.three.Runner' });
  });

  it('uses the binary name of a nested class with main', () => {
    const source = 'public class Outer {\n  static class Inner {\n    public static void main(String[] a) {}\n  }\n}\n';
    expect(findJavaEntry(source)).toEqual({ fileName: 'Outer.java', mainClass: 'Outer$Inner' });
  });

  it('ignores "class" and "main" inside comments and strings', () => {
    const source = [
      '// class Fake { public static void main(String[] a) {} }',
      'class Real {',
      '  String s = "class Other { static void main(";',
      '  public static void main(String[] a) {}',
      '}',
    ].join('\n');
    expect(findJavaEntry(source)).toEqual({ fileName: 'Real.java', mainClass: 'Real' });
  });

  it('falls back to Main.java when there is no class at all', () => {
    expect(findJavaEntry('int x = 1;')).toEqual({ fileName: 'Main.java', mainClass: 'Main' });
  });
});

describe('blankCommentsAndLiterals', () => {
  it('keeps offsets and newlines while blanking comments, strings and chars', () => {
    const source = 'a /* x\ny */ "s\\"t" \'c\' // end\nb';
    const blanked = blankCommentsAndLiterals(source);
    expect(blanked).toHaveLength(source.length);
    expect(blanked.split('\n')).toHaveLength(3);
    expect(blanked.replace(/\s/g, '')).toBe('ab');
  });
});
