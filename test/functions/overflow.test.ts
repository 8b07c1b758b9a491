/**
 * A result beyond the largest double is #NUM!, as Excel gives for =1E308*10, never Infinity in a cell.
 */
import { outcome } from "./helpers/excel";
import * as F from "../../src/functions/functions";
import * as A from "../../src/functions/adapters";

describe("overflow", () => {
  it("MSA.COSTPLUS of 1e308 at 1000% markup is #NUM! (1e308 × 11 exceeds Number.MAX_VALUE ≈ 1.8e308)", () => {
    expect(outcome(() => F.msaCostplus([[1e308]], 10))).toMatchObject({ ok: false, code: "#NUM!" });
    expect(() => A.msaCostPlus([[1e308]], 10, null, null, null, null)).toThrow(/too large/);
  });

  it("a result just inside the range still comes back: 1e307 × 11 = 1.1e308", () => {
    expect(outcome(() => F.msaCostplus([[1e307]], 10))).toEqual({ ok: true, value: 1.1e308 });
  });
});
