/** What operations reads from the workflow engine: open and overdue user tasks, through the engine's API. */
package dev.copydesk.operations.process;
