/**
 * The add-in's eight worksheet functions as ONE HyperFormula function plugin, calling the same
 * adapters Excel's custom functions call, so a plan in add-in mode evaluates headlessly with the
 * same engine. Arguments arrive as HyperFormula values and are turned into what Excel passes:
 * ranges → 2-D arrays, empty → null; an error in an argument is the result (as in Excel), the
 * first one met in argument order.
 * EngineError kinds map to #VALUE!, #N/A, #NUM!, #DIV/0! with the engine's message.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgument,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import * as adapters from "../functions/adapters";
import { FUNCTION_NAMES } from "../functions/catalog";
import { EngineError, ErrorKind } from "../engine/errors";

// HyperFormula's plugin methods receive its internal AST and state; they are only passed through.
type Ast = { args: unknown[] };
type State = unknown;

const REQUIRED: FunctionArgument = { argumentType: FunctionArgumentType.ANY };
const OPTIONAL: FunctionArgument = { argumentType: FunctionArgumentType.ANY, optionalArg: true };
const args = (required: number, optional: number): FunctionArgument[] => [
  ...Array<FunctionArgument>(required).fill(REQUIRED),
  ...Array<FunctionArgument>(optional).fill(OPTIONAL),
];
/** HyperFormula's own message for a call with too few or too many arguments. */
const WRONG_ARG_NUMBER = "Wrong number of arguments.";

const ERROR_TYPE: Record<ErrorKind, ErrorType> = {
  value: ErrorType.VALUE,
  na: ErrorType.NA,
  num: ErrorType.NUM,
  div0: ErrorType.DIV_BY_ZERO,
};

/** A HyperFormula scalar as Excel passes it: rich numbers (dates, %) → number, empty → null. */
function scalar(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (typeof v === "object" && v !== null && !(v instanceof CellError) && "val" in v)
    return (v as { val: number }).val;
  return v;
}

/** True when a range cell must be converted before an adapter reads it (blank, or a rich number). */
function needsConversion(v: unknown): boolean {
  return v === EmptyValue || v === undefined || (typeof v === "object" && v !== null);
}

/**
 * One evaluated argument as Excel passes it, or the first error value it holds. A range is read as
 * HyperFormula already holds it: a row is copied only when one of its cells needs converting, so a
 * range of plain numbers costs no allocation at all.
 */
function toExcelArg(v: unknown): unknown {
  if (v instanceof CellError) return v;
  if (!(v instanceof SimpleRangeValue)) return scalar(v);
  const rows = v.rawData() as unknown[][];
  let out: unknown[][] | null = null;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let copy: unknown[] | null = null;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell instanceof CellError) return cell;
      if (copy === null && needsConversion(cell)) copy = row.slice(0, c);
      if (copy !== null) copy.push(scalar(cell));
    }
    if (copy !== null && out === null) out = rows.slice(0, r);
    if (out !== null) out.push(copy ?? row);
  }
  return out ?? rows;
}

function toHfResult(result: unknown): unknown {
  if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result as (number | string | boolean)[][]);
  return result;
}

type Adapter = (...a: unknown[]) => unknown;

export class MsoAddinPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    "MSA.COSTPLUS": { method: "msaCostPlus", parameters: args(2, 4), vectorizationForbidden: true },
    "MSA.ALLOCATE": {
      method: "msaAllocate",
      parameters: args(2, 1),
      vectorizationForbidden: true,
      sizeOfResultArrayMethod: "msaAllocateSize",
    },
    "LOC.INTEREST": { method: "locInterest", parameters: args(4, 2), vectorizationForbidden: true },
    "LOC.LIMIT": { method: "locLimit", parameters: args(4, 4), vectorizationForbidden: true },
    "LOC.AFRCONVERT": { method: "locAfrConvert", parameters: args(3, 1), vectorizationForbidden: true },
    "LOC.AFRTEST": { method: "locAfrTest", parameters: args(4, 0), vectorizationForbidden: true },
    "FMV.RANGE": {
      method: "fmvRange",
      parameters: args(1, 3),
      vectorizationForbidden: true,
      sizeOfResultArrayMethod: "fmvRangeSize",
    },
    "FMV.TEST": { method: "fmvTest", parameters: args(2, 3), vectorizationForbidden: true },
  };

  /**
   * Evaluates the arguments and calls the adapter, without HyperFormula's generic runFunction: every
   * parameter is ANY and vectorisation is off, so its coercions and per-call arrays only cost time.
   * As there, a wrong number of arguments is #N/A; the first error value met, in argument order
   * and row by row within a range, is the result unchanged.
   */
  private call(id: string, ast: Ast, state: State, adapter: Adapter) {
    const parameters = (this.constructor as typeof MsoAddinPlugin).implementedFunctions[id].parameters ?? [];
    const given = ast.args.length;
    if (given > parameters.length || (given < parameters.length && !parameters[given].optionalArg))
      return new CellError(ErrorType.NA, WRONG_ARG_NUMBER);
    const evaluate = this.evaluateAst as unknown as (a: unknown, s: State) => unknown;
    const values: unknown[] = new Array(parameters.length).fill(null);
    for (let i = 0; i < given; i++) {
      const value = toExcelArg(evaluate.call(this, ast.args[i], state));
      if (value instanceof CellError) return value;
      values[i] = value;
    }
    try {
      return toHfResult(adapter(...values));
    } catch (e) {
      if (e instanceof EngineError) return new CellError(ERROR_TYPE[e.kind], e.message);
      throw e;
    }
  }

  msaCostPlus(ast: Ast, state: State) {
    return this.call("MSA.COSTPLUS", ast, state, adapters.msaCostPlus as Adapter);
  }
  msaAllocate(ast: Ast, state: State) {
    return this.call("MSA.ALLOCATE", ast, state, adapters.msaAllocate as Adapter);
  }
  /** The split has the drivers' shape. */
  msaAllocateSize(ast: Ast, state: State): ArraySize {
    if (ast.args.length < 2) return ArraySize.error();
    const size = this.arraySizeForAst as unknown as (a: unknown, s: State) => ArraySize;
    const drivers = size.call(this, ast.args[1], state);
    // A range's own size is flagged as a reference, which HyperFormula treats as a scalar result;
    // the split is a new array of that shape.
    return new ArraySize(drivers.width, drivers.height);
  }

  locInterest(ast: Ast, state: State) {
    return this.call("LOC.INTEREST", ast, state, adapters.locInterest as Adapter);
  }
  locLimit(ast: Ast, state: State) {
    return this.call("LOC.LIMIT", ast, state, adapters.locLimit as Adapter);
  }
  locAfrConvert(ast: Ast, state: State) {
    return this.call("LOC.AFRCONVERT", ast, state, adapters.locAfrConvert as Adapter);
  }
  locAfrTest(ast: Ast, state: State) {
    return this.call("LOC.AFRTEST", ast, state, adapters.locAfrTest as Adapter);
  }
  fmvRange(ast: Ast, state: State) {
    return this.call("FMV.RANGE", ast, state, adapters.fmvRange as Adapter);
  }
  /** low, median, high in one row. */
  fmvRangeSize(): ArraySize {
    return new ArraySize(3, 1);
  }
  fmvTest(ast: Ast, state: State) {
    return this.call("FMV.TEST", ast, state, adapters.fmvTest as Adapter);
  }
}

const names = Object.fromEntries(FUNCTION_NAMES.map((n) => [n, n]));
/** Function names with their dots, in the two English locales HyperFormula ships. */
export const ADDIN_TRANSLATIONS = { enGB: names, enUS: names };

let registered = false;
/** Registers the plugin once per process (HyperFormula's registry is global). */
export function registerAddinFunctions(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(MsoAddinPlugin, ADDIN_TRANSLATIONS);
  registered = true;
}
