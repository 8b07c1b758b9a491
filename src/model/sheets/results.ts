/**
 * Where the summary and the task pane find the model's results: cells of the evaluated workbook,
 * gathered from the sheets' layouts.
 */
import { COMPLIANCE_QUESTIONS, ModelInputs } from "../inputs";
import { CellRef, CheckId, PlanResults } from "../plan";
import { ChecksLayout } from "./checks";
import { COMPLIANCE, ComplianceLayout } from "./compliance";
import { InputsLayout } from "./inputs";
import { IntercompanyLayout } from "./intercompany";
import { MsoLayout } from "./mso";
import { CHECKS, INPUTS, MSO } from "./names";
import { PC_ROW, pcYears } from "./pc";

const cell = (sheet: string, a1: string): CellRef => ({ sheet, a1 });

export function planResults(
  inputs: ModelInputs,
  months: string[],
  pcSheets: string[],
  lay: InputsLayout,
  msoLay: MsoLayout,
  icLay: IntercompanyLayout,
  ckLay: ChecksLayout,
  compLay: ComplianceLayout,
): PlanResults {
  const { rev, intInc, costs, preTax, tax, net, pcBlocks } = msoLay;
  const years = pcYears(inputs.months);
  const checks = Object.fromEntries(
    Object.entries(ckLay.groups).map(([k, row]) => [k, cell(CHECKS, `C${row}`)]),
  ) as Record<CheckId, CellRef>;
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
        years: years.map((y) => ({
          markup: cell(s, `C${PC_ROW.yearsHeader + 1 + y}`),
          fmvStatus: cell(s, `D${PC_ROW.yearsHeader + 1 + y}`),
        })),
        limit: cell(s, `C${PC_ROW.limit}`),
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
    checks: { ...checks, master: cell(CHECKS, ckLay.master) },
    checkRows: ckLay.rows,
    fmvAssessmentByYear: ckLay.assessmentYears,
    fmvBand: { low: cell(CHECKS, "B5"), high: cell(CHECKS, "D5") },
    compliance: {
      questions: COMPLIANCE_QUESTIONS.map((q, i) => {
        const row = compLay.questions.first + i;
        return {
          id: q.id,
          text: q.text,
          answer: cell(COMPLIANCE, `D${row}`),
          date: cell(COMPLIANCE, `E${row}`),
          by: cell(COMPLIANCE, `F${row}`),
          note: cell(COMPLIANCE, `G${row}`),
        };
      }),
      pcs: inputs.pcs.map((pc, p) => {
        const row = compLay.pcRows[p];
        return {
          name: pc.name,
          state: cell(COMPLIANCE, `B${row}`),
          tier: cell(COMPLIANCE, `C${row}`),
          physicianOwned: cell(COMPLIANCE, `D${row}`),
          ownerLicensed: cell(COMPLIANCE, `E${row}`),
        };
      }),
    },
    monthColumns: months,
    intercompanyRows: icLay.icRows,
  };
}
