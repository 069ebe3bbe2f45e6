import { describe, expect, it } from 'vitest';
import { reportFileName, safeStem } from './report-names.js';

describe('reportFileName', () => {
  it('names the report after the original file', () => {
    expect(reportFileName('lab3.docx', 'docx')).toBe('lab3_report.docx');
    expect(reportFileName('Lab 3 – Loops.pdf', 'pdf')).toBe('Lab 3 – Loops_report.pdf');
  });

  it('uses the name the student chose, made safe, with the right extension', () => {
    expect(reportFileName('lab3.docx', 'docx', 'Lab 3 — Asha Rao')).toBe('Lab 3 — Asha Rao.docx');
    expect(reportFileName('lab3.docx', 'pdf', 'Lab 3.v2.docx')).toBe('Lab 3.v2.pdf');
    expect(reportFileName('lab3.docx', 'docx', '../up/x')).toBe('_up_x.docx');
    expect(reportFileName('lab3.docx', 'docx', 'con')).toBe('con_.docx');
    expect(reportFileName('lab3.docx', 'docx', ' ... ')).toBe('lab.docx');
  });

  it('drops directories, including Windows ones and traversal', () => {
    expect(reportFileName('C:\\Users\\asha\\lab3.docx', 'docx')).toBe('lab3_report.docx');
    expect(reportFileName('../../etc/passwd.docx', 'docx')).toBe('passwd_report.docx');
  });

  it('replaces characters some OS refuses and trims trailing dots and spaces', () => {
    expect(safeStem('a<b>c:d"e|f?g*h\u0001.docx')).toBe('a_b_c_d_e_f_g_h_');
    expect(safeStem('notes. .docx')).toBe('notes');
  });

  it('never yields an empty name or a Windows device name', () => {
    expect(safeStem('.docx')).toBe('lab');
    expect(safeStem('...')).toBe('lab');
    expect(safeStem('CON.docx')).toBe('CON_');
    expect(safeStem('lpt1.pdf')).toBe('lpt1_');
  });

  it('keeps names within the file-system limit, counting UTF-8 bytes', () => {
    const stem = safeStem(`${'é'.repeat(300)}.docx`);
    expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(180);
    expect(stem).toMatch(/^é+$/);
  });
});
