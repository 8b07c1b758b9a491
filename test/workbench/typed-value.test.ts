// Excel's reading of typed entries (a number, a percentage as a fraction, TRUE/FALSE, text),
// written out by hand.
import { parseTyped } from "../../src/workbench/typed-value";

test.each([
  ["1200", 1200],
  ["1,200,000", 1200000],
  ["-3.5", -3.5],
  [".5", 0.5],
  ["6.5%", 0.065],
  ["7%", 0.07],
  ["TRUE", true],
  ["false", false],
  ["", null],
  ["  ", null],
  ["'123", "123"],
  ["Dr. A. Rivera", "Dr. A. Rivera"],
  ["12abc", "12abc"],
  ["1,20", "1,20"],
  [".", "."],
] as const)("%p is stored as %p", (text, stored) => {
  expect(parseTyped(text)).toBe(stored);
});
