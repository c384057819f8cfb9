/** Small, boring things every module uses: problem documents, domain exceptions, ids, the clock. */
package dev.copydesk.shared;
