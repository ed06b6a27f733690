import { describe, expect, it } from 'vitest';
import { RosterError, parseRoster, studentFileNames } from '../../../src/model/exercises/index.js';

const problems = (text: string): readonly string[] => {
  try {
    parseRoster(text);
  } catch (error) {
    if (error instanceof RosterError) return error.problems;
    throw error;
  }
  throw new Error('expected a RosterError');
};

describe('roster CSV', () => {
  it('reads a student_id column among others, trimming ids', () => {
    expect(parseRoster('name,Student_ID,email\nAnn, s1 ,a@x\n"Lee, Bo",s2,b@x\n')).toEqual(['s1', 's2']);
  });

  it('reads a single column without a header, with CRLF, a BOM and trailing blank lines', () => {
    expect(parseRoster('\uFEFFalice\r\n bob \r\n陈晨\r\n\r\n\r\n')).toEqual(['alice', 'bob', '陈晨']);
  });

  it('reads a single student_id column with quotes', () => {
    expect(parseRoster('student_id\n"a ""quoted"" id"\nb\n')).toEqual(['a "quoted" id', 'b']);
  });

  it('rejects empty and duplicate ids naming the line', () => {
    expect(problems('student_id\ns1\n  \ns1\n')).toEqual(['line 3: empty student id', 'line 4: duplicate student id "s1" (first on line 2)']);
    expect(problems('name,student_id\nAnn,\n')).toEqual(['line 2: empty student id']);
    expect(problems('a\n\nb\n')).toEqual(['line 2: empty student id']);
  });

  it('rejects an empty roster, a header without ids and several columns without student_id', () => {
    expect(problems('')[0]).toContain('empty');
    expect(problems('student_id\n')[0]).toContain('no ids');
    expect(problems('name,email\nAnn,a@x\n')[0]).toContain('line 1');
  });

  it('makes safe, distinct file names', () => {
    const names = studentFileNames(['a/b', 'a:b', 'A_B', '陈晨', '..x']);
    expect([...names.values()]).toEqual(['a_b', 'a_b-2', 'A_B-3', '陈晨', '_x']);
  });
});
