/**
 * What Excel checks when a formula is entered: the tables, table columns and sheets it names must exist
 * (a structured reference to a missing table is refused with InvalidArgument, and a failed request is
 * not rolled back). The simulator has no defined names, so a bare name is refused too — stricter than
 * Excel's #NAME? in the grid, on purpose: a formula that names something not there is a bug here.
 */
import type { Node } from './formula';
import { ModelError, type SheetModel } from './workbook';

/** Throws InvalidArgument for the first table, table column, sheet or name `ast` refers to that does not exist. */
export function checkReferences(ast: Node, sheet: SheetModel, r: number, c: number): void {
  const wb = sheet.wb;
  const refuse = (what: string): never => {
    throw new ModelError('InvalidArgument', `The formula refers to ${what}, which does not exist.`);
  };
  const visit = (node: Node): void => {
    switch (node.t) {
      case 'ref':
        if (node.sheet !== undefined && !wb.sheet(node.sheet)) refuse(`the sheet "${node.sheet}"`);
        return;
      case 'sref': {
        const table = node.table !== undefined ? wb.tableByName(node.table) : wb.tableAt(sheet, r, c);
        if (!table) return refuse(node.table !== undefined ? `the table "${node.table}"` : 'a table around the cell');
        const names = wb.tableColumnNames(table).map((n) => n.toLowerCase());
        for (const col of node.columns) if (!names.includes(col.toLowerCase())) refuse(`the column "${col}" of table "${table.name}"`);
        return;
      }
      case 'name':
        return refuse(`the name "${node.name}"`);
      case 'fn':
        node.args.forEach(visit);
        return;
      case 'unary':
      case 'pct':
        return visit(node.e);
      case 'bin':
      case 'isect':
        visit(node.a);
        return visit(node.b);
      default:
        return;
    }
  };
  visit(ast);
}
