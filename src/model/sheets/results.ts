/**
 * Where the summary and the task pane find the model's results: cells of the evaluated workbook,
 * gathered from the sheets' layouts.
 */
import { ModelInputs } from "../inputs";
import { CellRef, PlanResults } from "../plan";
import { ChecksLayout } from "./checks";
import { InputsLayout } from "./inputs";
import { IntercompanyLayout } from "./intercompany";
import { MsoLayout } from "./mso";
import { CHECKS, INPUTS, MSO } from "./names";
import { PC_ROW } from "./pc";

export function planResults(
  inputs: ModelInputs,
  months: string[],
  pcSheets: string[],
  lay: InputsLayout,
  msoLay: MsoLayout,
  icLay: IntercompanyLayout,
  ckLay: ChecksLayout,
): PlanResults {
  const { rev, intInc, costs, preTax, tax, net, pcBlocks } = msoLay;
  const { grIc, grFmv, grAfr, grLim, grComp, grAge } = ckLay;
  const icRows = icLay.icRows;
  const cell = (sheet: string, a1: string): CellRef => ({ sheet, a1 });
  return {
    months: cell(INPUTS, lay.names.find((n) => n.name === "Months")!.ref.replace(/\$/g, "")),
    mso: {
      revenue: cell(MSO, `D${rev}`),
      interestIncome: cell(MSO, `D${intInc}`),
      costs: cell(MSO, `D${costs}`),
      preTax: cell(MSO, `D${preTax}`),
      tax: cell(MSO, `D${tax}`),
      netIncome: cell(MSO, `D${net}`),
    },
    pcs: inputs.pcs.map((pc, p) => {
      const s = pcSheets[p];
      const b = pcBlocks[p];
      return {
        name: pc.name,
        sheet: s,
        cells: {
          fees: cell(s, `D${PC_ROW.fee}`),
          passThrough: cell(s, `D${PC_ROW.pt}`),
          interest: cell(s, `D${PC_ROW.int}`),
          physicianComp: cell(s, `D${PC_ROW.comp}`),
          netIncome: cell(s, `D${PC_ROW.ni}`),
          minMonthlyPhysicianComp: cell(s, `C${PC_ROW.minComp}`),
          realisedMarkup: cell(s, `C${PC_ROW.markup}`),
          fmvStatus: cell(s, `C${PC_ROW.status}`),
          peakLoc: cell(s, `C${PC_ROW.peak}`),
          requiredLimit: cell(s, `C${PC_ROW.required}`),
          limitOk: cell(s, `C${PC_ROW.limitOk}`),
        },
        rows: {
          base: { sheet: MSO, row: b.base },
          passThrough: { sheet: MSO, row: b.pt },
          fee: { sheet: MSO, row: b.fee },
          msoInterest: { sheet: MSO, row: b.int },
          msoReceivable: { sheet: MSO, row: b.close },
          pcFee: { sheet: s, row: PC_ROW.fee },
          pcInterest: { sheet: s, row: PC_ROW.int },
          pcClose: { sheet: s, row: PC_ROW.close },
        },
      };
    }),
    checks: {
      intercompanyZero: cell(CHECKS, `C${grIc}`),
      fmvWithin: cell(CHECKS, `C${grFmv}`),
      afrCompliant: cell(CHECKS, `C${grAfr}`),
      limitOk: cell(CHECKS, `C${grLim}`),
      physicianCompNonNegative: cell(CHECKS, `C${grComp}`),
      fmvAssessmentCurrent: cell(CHECKS, `C${grAge}`),
      master: cell(CHECKS, ckLay.master),
    },
    monthColumns: months,
    intercompanyRows: icRows,
  };
}
