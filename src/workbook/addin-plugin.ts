/**
 * The add-in's eight worksheet functions as ONE HyperFormula function plugin, calling the same
 * adapters Excel's custom functions call, so a plan in add-in mode evaluates headlessly with the
 * same engine. Arguments arrive as HyperFormula values and are turned into what Excel passes:
 * ranges → 2-D arrays, empty → null; an error in an argument is the result (as in Excel).
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

/** Converts arguments; returns the first error met, as Excel functions propagate errors. */
function toExcelArgs(values: unknown[]): unknown[] | CellError {
  const out: unknown[] = [];
  for (const v of values) {
    if (v instanceof CellError) return v;
    if (v instanceof SimpleRangeValue) {
      const rows = v.rawData().map((row) => row.map(scalar));
      for (const row of rows) for (const cell of row) if (cell instanceof CellError) return cell;
      out.push(rows);
    } else out.push(scalar(v));
  }
  return out;
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

  private call(id: string, ast: Ast, state: State, adapter: Adapter, arity: number) {
    // runFunction is typed on HyperFormula's internal AST; our Ast is that object, passed through.
    const run = this.runFunction as unknown as (
      a: unknown[],
      s: State,
      m: unknown,
      f: (...v: unknown[]) => unknown,
    ) => unknown;
    return run(ast.args, state, this.metadata(id), (...values: unknown[]) => {
      const converted = toExcelArgs(values);
      if (converted instanceof CellError) return converted;
      while (converted.length < arity) converted.push(null);
      try {
        return toHfResult(adapter(...converted));
      } catch (e) {
        if (e instanceof EngineError) return new CellError(ERROR_TYPE[e.kind], e.message);
        throw e;
      }
    });
  }

  msaCostPlus(ast: Ast, state: State) {
    return this.call("MSA.COSTPLUS", ast, state, adapters.msaCostPlus as Adapter, 6);
  }
  msaAllocate(ast: Ast, state: State) {
    return this.call("MSA.ALLOCATE", ast, state, adapters.msaAllocate as Adapter, 3);
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
    return this.call("LOC.INTEREST", ast, state, adapters.locInterest as Adapter, 6);
  }
  locLimit(ast: Ast, state: State) {
    return this.call("LOC.LIMIT", ast, state, adapters.locLimit as Adapter, 8);
  }
  locAfrConvert(ast: Ast, state: State) {
    return this.call("LOC.AFRCONVERT", ast, state, adapters.locAfrConvert as Adapter, 4);
  }
  locAfrTest(ast: Ast, state: State) {
    return this.call("LOC.AFRTEST", ast, state, adapters.locAfrTest as Adapter, 4);
  }
  fmvRange(ast: Ast, state: State) {
    return this.call("FMV.RANGE", ast, state, adapters.fmvRange as Adapter, 4);
  }
  /** low, median, high in one row. */
  fmvRangeSize(): ArraySize {
    return new ArraySize(3, 1);
  }
  fmvTest(ast: Ast, state: State) {
    return this.call("FMV.TEST", ast, state, adapters.fmvTest as Adapter, 5);
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
