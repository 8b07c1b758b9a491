// The workbench's Web Worker: the HyperFormula workbook lives here, so building and recalculating
// a large model never blocks the page. The page reaches it through comlink (worker-host.ts).
import * as Comlink from "comlink";
import { WorkbookService } from "./workbook-service";

Comlink.expose(new WorkbookService());
