/** Source code without a markdown fence the model wrapped around it despite being told not to. */
export function stripFences(code: string): string {
  const match = /^\s*```[\w+#.-]*[ \t]*\n([\s\S]*?)\n?```\s*$/.exec(code);
  return match ? match[1]! : code;
}
