// Task pane entry point. In the shared runtime this page also hosts the custom functions (functions.js
// is loaded beside it by taskpane.html), so nothing here may assume the functions wait for the UI.
import { excelHostFor } from "../workbook/excel";
import { officeGlobal, start } from "./start";

const container = document.getElementById("container");
if (container) void start(container, officeGlobal(), 5000, excelHostFor);
