/**
 * LOC.LIMIT never comes back below the exact limit (issue 12, item 3): where the exact value lies
 * between two doubles, the result is the double above it, not the nearest one.
 */
import { outcome } from "./helpers/excel";
import * as F from "../../src/functions/functions";

test("a 1e16 principal in lots of 0.3: exactly 10000000000000000.2, so the double above, 1e16 + 2", () => {
  // 1e16 / 0.3 = 33333333333333333.3…, rounded up to 33333333333333334 lots × 0.3 = 10000000000000000.2.
  // Doubles near 1e16 are 2 apart: the nearest is 1e16, below the limit; the one above is 1e16 + 2.
  const got = outcome(() => F.locLimit([[1e16]], [[45658]], [[0]], 45688, 3, 0, 0, 0.3));
  expect(got).toEqual({ ok: true, value: 10000000000000002 });
});

test("a limit that is a double already stays as it is: 1e16 in lots of 0.5 is 1e16", () => {
  expect(outcome(() => F.locLimit([[1e16]], [[45658]], [[0]], 45688, 3, 0, 0, 0.5))).toEqual({
    ok: true,
    value: 1e16,
  });
});

test("a 0.1 lot on 1e16 plus a 0.1 draw: 10000000000000000.1 comes back as 1e16 + 2", () => {
  // Draws 1e16 and 0.1 on the same day at 0%: peak 10000000000000000.1, a multiple of 0.1 already.
  const got = outcome(() => F.locLimit([[1e16], [0.1]], [[45658], [45658]], [[0]], 45688, 3, 0, 0, 0.1));
  expect(got).toEqual({ ok: true, value: 10000000000000002 });
});

test("small amounts: draws of 0.1 and 0.2 make exactly 0.3, above the double nearest 0.3", () => {
  // 0.1 + 0.2 drawn as decimals is exactly 0.3; the double nearest 0.3 is 0.299999999999999988897…,
  // below it, so the limit is the next double, 0.30000000000000004.
  const got = outcome(() => F.locLimit([[0.1], [0.2]], [[45658], [45658]], [[0]], 45688));
  expect(got).toEqual({ ok: true, value: 0.30000000000000004 });
});
